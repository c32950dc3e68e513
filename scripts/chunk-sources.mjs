#!/usr/bin/env node
// What is in the client chunks: after `ANALYZE=1 next build` (client source maps), prints
// each chunk's gzip size and the packages and files its code comes from (bytes of
// minified code, gzip shared out in proportion); DETAIL=@rjsf/core lists a package's files. `node scripts/chunk-sources.mjs [chunk…]`
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const DIR = ".next/static/chunks";
const B64 = Object.fromEntries([..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"].map((c, i) => [c, i]));

function* segments(mappings) {
  let line = 0, col = 0, source = 0;
  for (const group of mappings.split(";")) {
    col = 0;
    for (const segment of group.split(",")) {
      if (!segment) continue;
      const values = [];
      let value = 0, shift = 0;
      for (const c of segment) {
        const digit = B64[c];
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = shift = 0;
        }
      }
      col += values[0];
      if (values.length > 1) source += values[1];
      yield [line, col, values.length > 1 ? source : -1];
    }
    line++;
  }
}

/** A source path as a package name (node_modules) or a project file. */
function owner(source) {
  if (process.env.DETAIL && source.includes(`node_modules/${process.env.DETAIL}/`)) return source.slice(source.lastIndexOf("node_modules/") + 13);
  const at = source.lastIndexOf("node_modules/");
  if (at < 0) return source.replace(/^.*?\[project\]\//, "").replace(/^(turbopack:\/\/\/|webpack:\/\/\/)/, "");
  const rest = source.slice(at + 13).split("/");
  const name = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  const nested = source.slice(0, at).includes("node_modules/") ? " (nested copy)" : "";
  return name + nested;
}

/** The chunk's source map: named by its sourceMappingURL comment (Turbopack) or chunk.js.map. */
function mapOf(file) {
  const code = readFileSync(file, "utf8");
  const named = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
  const candidate = named ? path.join(path.dirname(file), named) : `${file}.map`;
  return existsSync(candidate) ? candidate : undefined;
}

function analyse(file) {
  const code = readFileSync(file, "utf8");
  const map = JSON.parse(readFileSync(mapOf(file), "utf8"));
  const sections = map.sections ?? [{ offset: { line: 0, column: 0 }, map }];
  const lines = code.split("\n");
  const bytes = new Map();
  for (const { offset, map: part } of sections) {
    const points = [...segments(part.mappings)].map(([l, c, s]) => [l + offset.line, (l === 0 ? offset.column : 0) + c, s]);
    for (let i = 0; i < points.length; i++) {
      const [l, c, s] = points[i];
      const next = points[i + 1];
      const end = next && next[0] === l ? next[1] : lines[l]?.length ?? c;
      const name = s >= 0 ? owner(part.sources[s]) : "(unmapped)";
      bytes.set(name, (bytes.get(name) ?? 0) + Math.max(0, end - c));
    }
  }
  return { raw: Buffer.byteLength(code), gzip: gzipSync(code).length, bytes };
}

const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : readdirSync(DIR).filter((f) => f.endsWith(".js")).map((f) => path.join(DIR, f));
for (const file of files) {
  if (!mapOf(file)) continue;
  const { raw, gzip, bytes } = analyse(file);
  console.log(`${path.basename(file)}  ${(raw / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`);
  const total = [...bytes.values()].reduce((a, b) => a + b, 0) || 1;
  for (const [name, size] of [...bytes].sort((a, b) => b[1] - a[1]).filter(([, size]) => size > 300)) {
    console.log(`  ${name.padEnd(70)} ${(size / 1024).toFixed(1).padStart(7)} KB  ~${((gzip * size) / total / 1024).toFixed(1).padStart(5)} KB gzip`);
  }
}
