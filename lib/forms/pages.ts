import type { JsonSchema } from "@/lib/connectors/types";
import { AppError } from "@/lib/errors";
import type { Translate } from "@/lib/i18n";
import { conditionalAnchors } from "./conditions";
import { fieldTitle, formFields, isObjectField } from "./fields";
import type { PageSpec } from "./types";

export { pageSchema } from "./page-schema";

export interface BuildPagesOptions {
  /** Pages from the form's configuration; automatic pages when absent. */
  pages?: PageSpec[];
  hidden: string[];
  t: Translate;
}

/**
 * The form's pages. Configured pages are checked against the schema (the vendor
 * may have renamed a field since the configuration was written); fields the
 * configuration forgot are not lost: a conditional field joins the page of the
 * field its condition reads, any other goes on the last page. Automatic pages:
 * each object field (an address) gets its own page, the fields between them are
 * grouped. Hidden fields are on no page; empty pages are dropped.
 */
export function buildPages(schema: JsonSchema, options: BuildPagesOptions): PageSpec[] {
  const hidden = new Set(options.hidden);
  const anchors = conditionalAnchors(schema);
  // A conditional field whose anchor is hidden is placed like any other field.
  const visibleAnchor = (name: string) => {
    const anchor = anchors.get(name);
    return anchor !== undefined && !hidden.has(anchor) ? anchor : undefined;
  };
  const pages = options.pages
    ? configuredPages(schema, options.pages, hidden, visibleAnchor)
    : automaticPages(schema, hidden, visibleAnchor, options.t);
  return pages.filter((page) => page.fields.length > 0);
}

function configuredPages(
  schema: JsonSchema,
  configured: PageSpec[],
  hidden: Set<string>,
  anchorOf: (name: string) => string | undefined,
): PageSpec[] {
  const fields = formFields(schema);
  const pageOf = new Map<string, number>();
  configured.forEach((page, index) => {
    for (const name of page.fields) {
      if (!fields.includes(name)) throw new AppError("config_invalid", `pages[${index}] names unknown field "${name}"`);
      if (pageOf.has(name)) {
        throw new AppError("config_invalid", `pages[${index}] names field "${name}", which pages[${pageOf.get(name)}] already shows`);
      }
      pageOf.set(name, index);
    }
  });
  const pages = configured.map((page) => ({ title: page.title, fields: page.fields.filter((name) => !hidden.has(name)) }));
  for (const name of fields) {
    const anchor = anchorOf(name);
    const index = pageOf.get(name);
    const anchorIndex = anchor === undefined ? undefined : pageOf.get(anchor);
    if (index !== undefined && anchorIndex !== undefined && index !== anchorIndex) {
      throw new AppError(
        "config_invalid",
        `pages[${index}] shows "${name}" apart from "${anchor}" (pages[${anchorIndex}]), the field its condition depends on`,
      );
    }
    if (index !== undefined || hidden.has(name)) continue;
    if (anchorIndex !== undefined) {
      const onPage = pages[anchorIndex].fields;
      let at = onPage.indexOf(anchor!) + 1;
      while (at < onPage.length && anchorOf(onPage[at]) === anchor) at += 1;
      onPage.splice(at, 0, name);
      pageOf.set(name, anchorIndex);
    } else if (pages.length) {
      pages[pages.length - 1].fields.push(name);
    }
  }
  return pages;
}

interface DraftPage extends PageSpec {
  /** A page of ordinary fields (titled afterwards), not an object's own page. */
  run: boolean;
  primary: number;
}

function automaticPages(
  schema: JsonSchema,
  hidden: Set<string>,
  anchorOf: (name: string) => string | undefined,
  t: Translate,
): PageSpec[] {
  const pages: DraftPage[] = [];
  const pageOf = new Map<string, DraftPage>();
  for (const name of formFields(schema)) {
    if (hidden.has(name)) continue;
    const anchor = anchorOf(name);
    let page = anchor === undefined ? undefined : pageOf.get(anchor);
    if (!page) {
      const current = pages[pages.length - 1];
      if (isObjectField(schema, name)) {
        page = { title: fieldTitle(schema, name), fields: [], run: false, primary: 1 };
        pages.push(page);
      } else if (current?.run) {
        page = current;
        page.primary += 1;
      } else {
        page = { title: "", fields: [], run: true, primary: 1 };
        pages.push(page);
      }
    }
    page.fields.push(name);
    pageOf.set(name, page);
  }
  return pages.map(({ title, fields, run, primary }) => ({
    title: !run ? title : primary === 1 ? fieldTitle(schema, fields[0]) : t("detailsPage"),
    fields,
  }));
}
