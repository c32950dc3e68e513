import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect, it } from "vitest";
import TableHead from "./TableHead";

it("heads each column, in order, as a column header", () => {
  expect(renderToStaticMarkup(createElement(TableHead, { columns: ["Day", "Form"] }))).toBe('<thead><tr><th scope="col">Day</th><th scope="col">Form</th></tr></thead>');
});
