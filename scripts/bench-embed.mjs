#!/usr/bin/env node
// The host-page loader's weight: what every club page that embeds a form downloads.
// Prints raw and gzip bytes against the budget; exits 1 when over it.
import { readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync } from "node:zlib";

const BUDGET_GZIP = 4096;
const file = new URL("../public/embed.js", import.meta.url);
const source = readFileSync(file);
const gzip = gzipSync(source).length;
const brotli = brotliCompressSync(source).length;

console.log(`public/embed.js  raw ${source.length} B  gzip ${gzip} B  brotli ${brotli} B`);
const verdict = gzip <= BUDGET_GZIP ? "within" : "OVER";
console.log(`budget ${BUDGET_GZIP} B gzip: ${verdict} (${((gzip / BUDGET_GZIP) * 100).toFixed(0)}% used)`);
process.exit(gzip <= BUDGET_GZIP ? 0 : 1);
