// What a form page's JavaScript weighs as the browser receives it (the encoded bodies, gzip
// from `next start`), measured in Chromium: shared by `npm run bench:page`, which prints it,
// and e2e/page-weight.spec.ts, which fails a build that goes over the byte budgets.

/** The form page's byte budgets (KB of 1,024 bytes, gzip). */
export const BYTE_BUDGET = { firstLoadKb: 220, formOnlyKb: 45 };

/**
 * Path → bytes on the wire of every script the page loads until the network is idle (the
 * page's chunks and the form's validator module; lazily loaded parts nothing asked for yet
 * are not loaded, so not counted). `browser`: a Playwright Browser.
 */
export async function scriptsOf(browser, url) {
  const page = await browser.newPage();
  const bodies = new Map();
  page.on("requestfinished", (request) => {
    if (request.resourceType() !== "script") return;
    bodies.set(request.url(), request.sizes().then((sizes) => sizes.responseBodySize, () => 0));
  });
  await page.goto(url, { waitUntil: "networkidle" });
  const sizes = new Map();
  for (const [script, size] of bodies) sizes.set(new URL(script).pathname, await size);
  await page.close();
  return sizes;
}

const sum = (map) => [...map.values()].reduce((a, b) => a + b, 0);

/** A page's first-load bytes, and its form-only scripts: those the home page (`home`, scriptsOf it) does not load. */
export function weigh(scripts, home) {
  const formOnly = new Map([...scripts].filter(([script]) => !home.has(script)));
  return { firstLoad: sum(scripts), formOnly: sum(formOnly), formOnlyScripts: formOnly };
}
