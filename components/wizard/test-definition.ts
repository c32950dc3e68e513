import { fixture } from "@/lib/forms/fixtures/load";
import { buildPages } from "@/lib/forms/pages";
import type { FormDefinition, PageSpec } from "@/lib/forms/types";
import { buildUiSchema } from "@/lib/forms/ui-schema";
import { translator } from "@/lib/i18n";

/** The "members" form (Procurios set 77) built the way lib/forms/definition.ts builds it; tests only. */
export function membersDefinition(): FormDefinition {
  const schema = fixture("set77");
  const hidden = ["action_code"];
  const pages: PageSpec[] = [
    { title: "Your account", fields: ["username", "email", "password"] },
    { title: "About you", fields: ["first_name", "insertion", "name", "birth_date", "gender"] },
    { title: "Your address", fields: ["address", "phone"] },
    { title: "Membership", fields: ["membership", "student_number", "newsletter", "terms"] },
  ];
  return {
    id: "members",
    title: "Become a member",
    locale: "en",
  locales: ["en"],
    schema,
    uiSchema: buildUiSchema(schema, { hidden }),
    pages: buildPages(schema, { pages, hidden, t: translator("en") }),
    checks: { username: "username" },
    hidden,
  };
}
