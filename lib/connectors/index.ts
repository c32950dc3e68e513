import "server-only";
import type { ConnectorModule } from "./module";
import { procurios } from "./procurios";
import { resamania } from "./resamania";
import { purepro } from "./purepro";
import { crmcom } from "./crmcom";
import { dnl } from "./dnl";

/** The connector registry: one entry per vendor folder. */
export const connectors = {
  procurios,
  resamania,
  purepro,
  crmcom,
  dnl,
} satisfies Record<string, ConnectorModule<unknown>>;

export type ConnectorName = keyof typeof connectors;

export const connectorNames = Object.keys(connectors) as [ConnectorName, ...ConnectorName[]];

export function connectorModule(name: string): ConnectorModule<unknown> | undefined {
  return Object.hasOwn(connectors, name) ? (connectors[name as ConnectorName] as ConnectorModule<unknown>) : undefined;
}
