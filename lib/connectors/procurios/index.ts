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
};
