import { it } from "vitest";
import { sandboxSets, schemaText } from "@/lib/connectors/procurios/sandbox-sets";
import { demoForms } from "@/lib/config/demo";
import { translator } from "@/lib/i18n";
import { normaliseSchema } from "./normalise";
import { buildPages, pageSchema } from "./pages";
import { buildUiSchema } from "./ui-schema";
import { validateData } from "./validate";
it("sandbox sets", () => {
  for (const form of demoForms) {
    const id = (form.options as { registrationSetId: number }).registrationSetId;
    const schema = normaliseSchema(JSON.parse(schemaText(sandboxSets.get(id)!)));
    const pages = buildPages(schema, { pages: form.pages, hidden: form.hidden ?? [], t: translator("en") });
    console.log(form.id, JSON.stringify(pages));
    for (const p of pages) pageSchema(schema, p);
    console.log(JSON.stringify(buildUiSchema(schema, { hidden: form.hidden ?? [] })));
    console.log(JSON.stringify(validateData(schema, { membership: "student", address: {country: "N"} }, translator("en"))));
  }
});
