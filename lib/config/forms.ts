import "server-only";
import type { ReferenceKind } from "@/lib/forms/types";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { connectorModule, connectorNames } from "@/lib/connectors";
import { localFetch } from "@/lib/connectors/local-fetch";
import type { Connector, ValueFormats } from "@/lib/connectors/types";
import { getDb } from "@/lib/db";
import { connectorStore } from "@/lib/db/connector-store";
import { appOrigin, env } from "./env";
import { demoForms } from "./demo";
import { configFileSchema, type FormConfig } from "./schema";

export type { FormConfig };

export interface LoadedConfig {
  source: string;
  forms: FormConfig[];
  /** Whether /sandbox/{vendor} routes answer: a form uses them, or SANDBOX=1. */
  sandboxEnabled: boolean;
}

export class ConfigError extends Error {
  constructor(source: string, jsonPath: string, problem: string) {
    super(`Invalid forms configuration in ${source} at ${jsonPath || "(root)"}: ${problem}`);
    this.name = "ConfigError";
  }
}

function jsonPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>(
    (acc, segment) => (typeof segment === "number" ? `${acc}[${segment}]` : acc ? `${acc}.${String(segment)}` : String(segment)),
    "",
  );
}

function firstIssue(source: string, error: z.ZodError, prefix: PropertyKey[] = []): ConfigError {
  const issue = error.issues[0];
  return new ConfigError(source, jsonPath([...prefix, ...issue.path]), issue.message);
}

/** Validates a parsed configuration document; throws ConfigError naming the JSON path. */
export function parseConfig(document: unknown, source: string): FormConfig[] {
  const parsed = configFileSchema.safeParse(document);
  if (!parsed.success) throw firstIssue(source, parsed.error);
  parsed.data.forms.forEach((form, index) => {
    const module = connectorModule(form.connector);
    if (!module) {
      throw new ConfigError(source, `forms[${index}].connector`, `unknown connector "${form.connector}"; known: ${connectorNames.join(", ")}`);
    }
    const options = module.optionsSchema.safeParse(form.options);
    if (!options.success) throw firstIssue(source, options.error, ["forms", index, "options"]);
    form.options = options.data as Record<string, unknown>;
  });
  return parsed.data.forms;
}

function readConfigFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(file, "", `cannot read the file (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, "", `not valid JSON (${(error as Error).message})`);
  }
}

let cached: LoadedConfig | undefined;

export function loadConfig(): LoadedConfig {
  if (cached) return cached;
  const file = env().FORMS_CONFIG;
  const source = file ? path.resolve(file) : "the built-in demo configuration";
  const forms = parseConfig(file ? readConfigFile(source) : { forms: demoForms }, source);
  cached = { source, forms, sandboxEnabled: usesSandbox(forms) || env().SANDBOX === "1" };
  return cached;
}

/** Whether a form points a connector option at a built-in sandbox ("/sandbox/…"), whatever the vendor calls that option. */
export function usesSandbox(forms: Pick<FormConfig, "options">[]): boolean {
  return forms.some((form) => Object.values(form.options).some((value) => typeof value === "string" && value.startsWith("/sandbox/")));
}

export function findForm(formId: string): FormConfig | undefined {
  return loadConfig().forms.find((form) => form.id === formId);
}

// On globalThis: the server bundle may load this module once per route, and one
// connector per form keeps one schema cache per form.
const holder = globalThis as typeof globalThis & { __formgateConnectors?: Map<string, Connector> };
const connectorsByForm = (holder.__formgateConnectors ??= new Map<string, Connector>());

/** The connector instance for a configured form (one per form, so caches are shared). */
export function connectorFor(form: FormConfig): Connector {
  let connector = connectorsByForm.get(form.id);
  if (!connector) {
    const module = connectorModule(form.connector)!;
    connector = module.create({
      formId: form.id,
      options: form.options,
      secret: (name) => process.env[name] ?? (loadConfig().sandboxEnabled ? module.sandbox.defaultSecrets[name] : undefined),
      resolveUrl: (url) => (url.startsWith("/") ? `${appOrigin()}${url}` : url),
      fetch: localFetch(appOrigin(), (vendor) => (loadConfig().sandboxEnabled ? connectorModule(vendor)?.sandbox : undefined)),
      store: connectorStore(getDb, form.id),
    });
    connectorsByForm.set(form.id, connector);
  }
  return connector;
}

/** The country code and phone formats the form's vendor wants. */
export function valueFormatsFor(form: FormConfig): ValueFormats {
  return connectorModule(form.connector)!.values;
}

/** What the form's vendor reference is called on the confirmation. */
export function referenceKindFor(form: FormConfig): ReferenceKind {
  return connectorModule(form.connector)!.reference;
}
