import { expect, test } from "@playwright/test";
// @ts-expect-error: a plain Node script, without types (npm run bench:page weighs pages with it too)
import { BYTE_BUDGET, scriptsOf, weigh } from "../scripts/page-weight.mjs";

type Weight = { firstLoad: number; formOnly: number; formOnlyScripts: Map<string, number> };

/**
 * The form page's JavaScript byte budgets, as `npm run bench:page` weighs them (gzip as the
 * browser receives it), for every form's page and embed: bytes, unlike timings, are the same
 * on every machine, so going over fails here, not only in a benchmark read later.
 */
test("every form's page and embed load no more JavaScript than their budgets", async ({ browser, request }) => {
  const { forms } = (await (await request.get("/api/forms")).json()) as { forms: { id: string }[] };
  expect(forms.length).toBeGreaterThan(0);
  const home = await scriptsOf(browser, "/");
  expect(home.size).toBeGreaterThan(0);
  const over: string[] = [];
  for (const { id } of forms) {
    for (const kind of ["register", "embed"]) {
      const { firstLoad, formOnly, formOnlyScripts } = weigh(await scriptsOf(browser, `/${kind}/${id}`), home) as Weight;
      // A form page loads a script of its own (the form), or the figure below would measure nothing.
      expect(formOnlyScripts.size, `/${kind}/${id}`).toBeGreaterThan(0);
      if (firstLoad > BYTE_BUDGET.firstLoadKb * 1024) over.push(`/${kind}/${id}: first-load JS ${firstLoad} B > ${BYTE_BUDGET.firstLoadKb} KB`);
      if (formOnly > BYTE_BUDGET.formOnlyKb * 1024) {
        const scripts = [...formOnlyScripts].map(([script, size]) => `${script} ${size} B`).join(", ");
        over.push(`/${kind}/${id}: form-only JS ${formOnly} B > ${BYTE_BUDGET.formOnlyKb} KB (${scripts})`);
      }
    }
  }
  expect(over).toEqual([]);
});
