import "server-only";
import type { ConnectorModule } from "@/lib/connectors/module";
import { ProcuriosConnector } from "./connector";
import { procuriosOptionsSchema, type ProcuriosOptions } from "./options";
import { sandbox } from "./sandbox";

export type { ProcuriosOptions };

/** Procurios registration sets (seeds/000): schema fetched at run time, delivery with polling. */
export const procurios: ConnectorModule<ProcuriosOptions> = {
  optionsSchema: procuriosOptionsSchema,
  create: (setup) => new ProcuriosConnector(setup),
  sandbox,
  // The document shows no phone number and no country but the address's "NL" (its schema
  // wants 2 letters): alpha-2, and phone numbers in E.164, the one format without a
  // country's conventions that any system can read back.
  values: { countryCode: "alpha-2", phone: "E.164" },
  reference: "relationNumber",
};
