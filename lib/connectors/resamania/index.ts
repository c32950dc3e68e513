import "server-only";
import type { ConnectorModule } from "@/lib/connectors/module";
import { ResamaniaConnector } from "./connector";
import { resamaniaOptionsSchema, type ResamaniaOptions } from "./options";
import { sandbox } from "./sandbox";

export type { ResamaniaOptions };

/** Resamania contacts (seeds/002): email check across a club chain, contact creation, prospect migration. */
export const resamania: ConnectorModule<ResamaniaOptions> = {
  optionsSchema: resamaniaOptionsSchema,
  create: (setup) => new ResamaniaConnector(setup),
  sandbox,
  // The document's mobile is "+336123456789": E.164. Countries are held as ISO alpha-2
  // and sent by name, as the document's example does (schema.ts).
  values: { countryCode: "alpha-2", phone: "E.164" },
  // The person's reference is the contact's number (C2974340), never its IRI.
  reference: "contactNumber",
};
