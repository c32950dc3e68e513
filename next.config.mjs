/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "pg"],
  // Security headers and the CSP are set per request by proxy.ts.
  // `ANALYZE=1 next build` writes client source maps for scripts/chunk-sources.mjs.
  productionBrowserSourceMaps: process.env.ANALYZE === "1",
  turbopack: {
    resolveAlias: {
      // RJSF's markdown renderer loads only when a form renders markdown (lib/bundle/markdown.tsx).
      "markdown-to-jsx/react": "./lib/bundle/markdown.tsx",
      // RJSF's URI library: in the browser, form schemas need none of it (lib/bundle/uri.ts).
      "fast-uri": { browser: "./lib/bundle/uri.ts" },
      // RJSF's default fields, templates and widgets: the rarely used ones load on first use (lib/bundle/rjsf-registry.tsx).
      "../getDefaultRegistry.js": "./lib/bundle/rjsf-registry.tsx",
      // RJSF's allOf merge: loaded only by forms with allOf (lib/bundle/all-of-merge.ts).
      "./shallowAllOfMerge.js": { browser: "./lib/bundle/all-of-merge.ts" },
      // RJSF's JSON pointer and react-is: the one function and the two checks it uses (lib/bundle/jsonpointer.ts, react-is.ts).
      jsonpointer: { browser: "./lib/bundle/jsonpointer.ts" },
      "react-is": { browser: "./lib/bundle/react-is.ts" },
      // RJSF's deep equality: the same comparison without the library's generality (lib/bundle/equals.ts).
      "fast-equals": { browser: "./lib/bundle/equals.ts" },
      // RJSF's omitExtraData option, which the wizard leaves off (lib/bundle/omit-extra-data.ts).
      "./omitExtraData.js": { browser: "./lib/bundle/omit-extra-data.ts" },
      "./toPathSchema.js": { browser: "./lib/bundle/omit-extra-data.ts" },
      // RJSF's decimal separator, asked for on every render of a number field, worked out once (lib/bundle/decimal-separator.ts).
      "./getDecimalSeparator.js": "./lib/bundle/decimal-separator.ts",
    },
  },
};

export default nextConfig;
