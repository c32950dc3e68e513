#!/usr/bin/env node
// After `next build`: fails when a client chunk compiles code from strings on the
// validation path (Ajv's compiler, RJSF's compiling validator) or carries code of a
// server-only module. `node scripts/check-client-bundle.mjs [.next/static]`.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = process.argv[2] ?? ".next/static";

// [what, a string only that code contains, the file it comes from (so a stale marker fails too)]
const MARKERS = [
  ["Ajv's compiler (new Function)", "Error compiling schema, function code:", "node_modules/ajv/dist/compile/index.js"],
  ["Ajv's schema registry", "schema with key or id", "node_modules/ajv/dist/core.js"],
  ["@rjsf/validator-ajv8's compiling validator", "Error encountered compiling schema:", "node_modules/@rjsf/validator-ajv8/lib/validator.js"],
  ["lib/config/env.ts (server only)", "Invalid environment: ", "lib/config/env.ts"],
  ["lib/config/forms.ts (server only)", "Invalid forms configuration in ", "lib/config/forms.ts"],
  ["the vendor sandboxes (server only)", "Unknown sandbox control call", "lib/connectors/procurios/sandbox.ts"],
  // The page hands the browser its own language's messages as a prop; no catalogue ships as code.
  ["the English catalogue", "Step {current} of {total}", "lib/i18n/en.ts"],
  ["the Dutch catalogue", "Stap {current} van {total}", "lib/i18n/nl.ts"],
  ["the French catalogue", "Étape {current} sur {total}", "lib/i18n/fr.ts"],
];

// Code made from strings. Minifiers write `new Function(` as `Function(`. The one use
// allowed is core-js's globalThis fallback in Next's legacy polyfills (never run by
// browsers that have globalThis).
const DYNAMIC = /(?<![\w$.])(?:new\s+)?Function\(|(?<![\w$.])eval\(/g;
const ALLOWED = [/^Function\("return this"\)/];

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.name.endsWith(".js")) yield full;
  }
}

const problems = [];
for (const [what, marker, source] of MARKERS) {
  if (!readFileSync(source, "utf8").includes(marker)) problems.push(`marker for ${what} is no longer in ${source}: update this script`);
}
let count = 0;
for (const file of files(root)) {
  count++;
  const text = readFileSync(file, "utf8");
  for (const [what, marker] of MARKERS) if (text.includes(marker)) problems.push(`${file}: contains ${what} ("${marker}")`);
  for (const match of text.matchAll(DYNAMIC)) {
    const at = text.slice(match.index);
    if (!ALLOWED.some((allowed) => allowed.test(at))) problems.push(`${file}: code from a string: …${text.slice(Math.max(0, match.index - 60), match.index + 80)}…`);
  }
}
if (count === 0) problems.push(`no client chunks under ${root}: run next build first`);

if (problems.length > 0) {
  console.error(`Client bundle check failed:\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log(`Client bundle check: ${count} chunks, no run-time code compilation, no server-only code.`);
