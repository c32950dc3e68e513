import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n";
import { consoleCatalogues, consoleText, rich, type ConsoleKey } from "./texts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const parts = (text: string) => [...text.matchAll(/\]\((\w+)\)/g)].map((match) => match[1]).sort();

describe("the console's texts", () => {
  it("speak every language the app speaks, each with English's keys, placeholders and parts", () => {
    expect(Object.keys(consoleCatalogues).sort()).toEqual([...LOCALES].sort());
    const keys = Object.keys(consoleCatalogues.en) as ConsoleKey[];
    for (const [locale, catalogue] of Object.entries(consoleCatalogues)) {
      expect(Object.keys(catalogue).sort(), locale).toEqual([...keys].sort());
      for (const key of keys) {
        expect(catalogue[key].trim(), `${locale}.${key}`).not.toBe("");
        expect(placeholders(catalogue[key]), `${locale}.${key}`).toEqual(placeholders(consoleCatalogues.en[key]));
        expect(parts(catalogue[key]), `${locale}.${key}`).toEqual(parts(consoleCatalogues.en[key]));
      }
    }
  });

  it("fill in placeholders, and fall back to English for a language they do not speak", () => {
    expect(consoleText("fr")("submissions", { count: 3 })).toBe("3 envois");
    expect(consoleText("nl")("status_delivered")).toBe("afgeleverd");
    expect(consoleText("fr").named("attempt", "retry")).toBe("à retenter");
    expect(consoleText("fr").named("attempt", "something_new")).toBe("something_new");
    const german = consoleText("de");
    expect(german.locale).toBe("en");
    expect(german("submissionTitle", { id: "s-1" })).toBe("Submission s-1");
  });
});

describe("rich", () => {
  const html = (node: ReturnType<typeof rich>) => renderToStaticMarkup(createElement("p", null, node));

  it("makes the marked words a part of their own, the rest text", () => {
    expect(html(rich("[Audit log](audit) and [staff accounts](accounts).", { audit: (words) => createElement("a", { href: "/a" }, words), accounts: (words) => createElement("a", { href: "/b" }, words) }))).toBe(
      '<p><a href="/a">Audit log</a> and <a href="/b">staff accounts</a>.</p>',
    );
  });

  it("puts values in after reading the template: brackets and markup in a name stay text", () => {
    const strong = (words: string) => createElement("strong", null, words);
    expect(html(rich("Registering [{person}](person), {how}.", { person: strong }, { person: "Anna [x](person) <b>J</b>", how: "by phone" }))).toBe(
      "<p>Registering <strong>Anna [x](person) &lt;b&gt;J&lt;/b&gt;</strong>, by phone.</p>",
    );
  });

  it("shows the words as text where no part is given", () => {
    expect(html(rich("Run [npm test](code) now", {}))).toBe("<p>Run npm test now</p>");
  });
});
