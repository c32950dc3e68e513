import "server-only";
import type { ConnectorModule } from "@/lib/connectors/module";
import { CrmcomConnector } from "./connector";
import { crmcomOptionsSchema, type CrmcomOptions } from "./options";
import { sandbox } from "./sandbox";

export type { CrmcomOptions };

/**
 * CRM.COM Self-Service (seeds/003): sign-up by email and password or by phone with a
 * one-time code, then the contact's details in further calls with its token.
 */
export const crmcom: ConnectorModule<CrmcomOptions> = {
  optionsSchema: crmcomOptionsSchema,
  create: (setup) => new CrmcomConnector(setup),
  sandbox,
  // Phone numbers reach the connector in E.164 and leave as national number + alpha-3
  // country (body.ts); the address's country stays alpha-2, as the document wants it.
  values: { countryCode: "alpha-2", phone: "E.164" },
  // The person's reference is the contact's code (GET /contacts/{id}), never its id.
  reference: "contactNumber",
};
