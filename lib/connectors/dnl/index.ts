import "server-only";
import type { ConnectorModule } from "@/lib/connectors/module";
import { DnlConnector } from "./connector";
import { dnlOptionsSchema, type DnlOptions } from "./options";
import { sandbox } from "./sandbox";

export type { DnlOptions };

/** DNL registrations (seeds/001): the documented admin lookup by id, and an inferred sign-up (connector.ts). */
export const dnl: ConnectorModule<DnlOptions> = {
  optionsSchema: dnlOptionsSchema,
  create: (setup) => new DnlConnector(setup),
  sandbox,
  // The document's one phone number ("093726428") has no country: E.164 carries it (schema.ts).
  values: { countryCode: "alpha-2", phone: "E.164" },
  reference: "registrationNumber",
};
