/**
 * Resamania names every resource by an IRI, "/{clientToken}/contacts/2974340" (JSON-LD
 * `@id`). The IRIs stay in this folder: the app and the person get the contact's
 * `number` (C2974340); the journal keeps the IRI for the next call. No JWT, no parsing
 * beyond the last segment: an IRI is only accepted under our own client token.
 */
import { pathSegment } from "@/lib/connectors/path";

export type Collection = "contacts" | "clubs" | "addresses" | "sources";

/** "/{clientToken}/{collection}/{id}" for an id we hold. */
export function iriOf(clientToken: string, collection: Collection, id: string | number): string {
  return `/${pathSegment(clientToken)}/${collection}/${pathSegment(id)}`;
}

/**
 * The id of an IRI of `collection` under `clientToken`, or undefined when the value is
 * not such an IRI (another client token, another collection, a path with dots). The
 * document's JSON escapes slashes ("\/demoapi\/contacts\/1"); JSON.parse has undone that.
 */
export function idOf(iri: unknown, clientToken: string, collection: Collection): string | undefined {
  if (typeof iri !== "string") return undefined;
  const match = /^\/([^/]+)\/([^/]+)\/([A-Za-z0-9_-]+)$/.exec(iri);
  if (!match || match[1] !== clientToken || match[2] !== collection) return undefined;
  return match[3];
}
