import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import StaffFilters, { queryValues, type FilterField } from "./StaffFilters";

const fields: FilterField[] = [
  { name: "q", label: "Reference" },
  { name: "status", label: "Status", choices: ["received", { value: "failed", label: "Failed for good" }], none: "Any status" },
  { name: "from", label: "From", type: "date" },
];

const render = (props: Partial<Parameters<typeof StaffFilters>[0]> = {}) =>
  renderToStaticMarkup(createElement(StaffFilters, { label: "Filter things", fields, values: {}, submit: "Filter", ...props }));

describe("StaffFilters", () => {
  it("is a GET search form whose fields are labelled and named after the query parameters", () => {
    const html = render();
    const form = /^<form [^>]*>/.exec(html)?.[0];
    for (const attribute of ['class="fg-staff-filters"', 'method="get"', 'role="search"', 'aria-label="Filter things"']) expect(form).toContain(attribute);
    expect(html).toContain('<label>Reference <input name="q" value=""/></label>');
    expect(html).toContain('<label>From <input type="date" name="from" value=""/></label>');
    expect(html).toContain('<label>Status <select name="status"><option value="" selected="">Any status</option><option value="received">received</option><option value="failed">Failed for good</option></select></label>');
    expect(html).toContain('<button type="submit" class="fg-button">Filter</button>');
    expect(html).not.toContain('role="alert"');
  });

  it("shows the current values, another submit label and the query's problem", () => {
    const html = render({ values: { q: "R-12", status: "failed", from: "2026-01-02" }, submit: "Show", problem: "from: Invalid date" });
    expect(html).toContain('<input name="q" value="R-12"/>');
    expect(html).toContain('<input type="date" name="from" value="2026-01-02"/>');
    expect(html).toContain('<option value="failed" selected="">Failed for good</option>');
    expect(html).not.toContain('<option value="" selected="">');
    expect(html).toContain(">Show</button>");
    expect(html).toContain('<p class="fg-staff-error" role="alert">from: Invalid date</p>');
  });
});

describe("queryValues", () => {
  it("keeps the first value of a repeated parameter", async () => {
    expect(await queryValues(Promise.resolve({ form: ["a", "b"], q: "x", to: undefined }))).toEqual({ form: "a", q: "x", to: undefined });
  });
});
