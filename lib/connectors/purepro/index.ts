import "server-only";
import type { ConnectorModule } from "@/lib/connectors/module";
import { PureproConnector } from "./connector";
import { pureproOptionsSchema, type PureproOptions } from "./options";
import { sandbox } from "./sandbox";

export type { PureproOptions };

/** PurePro customers (seeds/004): a form derived from the documented rules, delivered in one call. */
export const purepro: ConnectorModule<PureproOptions> = {
  optionsSchema: pureproOptionsSchema,
  create: (setup) => new PureproConnector(setup),
  sandbox,
  // The form asks for no phone number and takes the country as typed (a code or a name, as PurePro does).
  values: { countryCode: "alpha-2", phone: "E.164" },
  reference: "customerReference",
};
