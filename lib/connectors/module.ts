import type { z } from "zod";
import type { ReferenceKind } from "@/lib/forms/types";
import type { Connector, ValueFormats } from "./types";

/** The part of the configuration a connector receives, after its own schema parsed it. */
export interface ConnectorSetup<Options> {
  formId: string;
  options: Options;
  /** Reads a secret from the environment by the name the configuration gives. */
  secret(envName: string): string | undefined;
  /** Resolves a vendor base URL; "/sandbox/…" paths resolve against the app's own origin. */
  resolveUrl(url: string): string;
  /**
   * fetch for the vendor's calls. The app's own built-in sandbox ("/sandbox/…") is
   * answered in process (lib/connectors/local-fetch.ts); anything else goes over HTTP.
   */
  fetch?: typeof fetch;
  /** Durable storage for what must outlive a restart (e.g. the last schema the vendor served). */
  store?: ConnectorStore;
}

/** A small key → JSON store, scoped to one form's connector, kept in the app's database. */
export interface ConnectorStore {
  load(key: string): Promise<unknown>;
  save(key: string, value: unknown): Promise<void>;
}

/** A vendor simulator, mounted at /sandbox/{vendor}/… and runnable on its own port in tests. */
export interface Sandbox {
  /** `path` is the request path below the mount point, e.g. "/l/profile_api/registrationset". */
  handle(request: Request, path: string): Promise<Response>;
  /** Well-known sandbox credentials by env name, used when the env does not set them. */
  defaultSecrets: Record<string, string>;
}

/** What each vendor folder exports from its index.ts (cal.com's app-store shape). */
export interface ConnectorModule<Options = unknown> {
  optionsSchema: z.ZodType<Options>;
  create(setup: ConnectorSetup<Options>): Connector;
  sandbox: Sandbox;
  /** Which country codes and phone format the vendor wants. */
  values: ValueFormats;
  /** What the reference DeliveryResult returns is, as the confirmation names it. */
  reference: ReferenceKind;
}
