/**
 * What Resamania's refusals mean. The document names its errors
 * (`api.error.contact.email-already-used`, "a `required` error") but not their JSON.
 * Resamania is API Platform (JSON-LD/Hydra): its validation errors are a
 * ConstraintViolationList, `{"violations": [{"propertyPath", "message", "code"}]}`, with
 * status 422 (400 on older versions). Decision: the error key is recognised wherever it
 * appears in the body (a violation's code or message, `hydra:description`, `detail`, a
 * plain `message`), and a `required` violation names its field by `propertyPath`.
 */
import type { VendorRule } from "@/lib/connectors/types";

export const EMAIL_ALREADY_USED = "api.error.contact.email-already-used";
export const REQUIRED = "required";

export interface Violation {
  propertyPath: string;
  message: string;
  code?: string;
}

/** Every string anywhere in a JSON body (bounded: a vendor body is small). */
function strings(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 8 || out.length > 500) return out;
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) value.forEach((item) => strings(item, out, depth + 1));
  else if (value && typeof value === "object") Object.values(value).forEach((item) => strings(item, out, depth + 1));
  return out;
}

export function violationsOf(body: unknown): Violation[] {
  const list = (body as { violations?: unknown } | undefined)?.violations;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    const { propertyPath, message, code } = (item ?? {}) as Record<string, unknown>;
    if (typeof propertyPath !== "string" || typeof message !== "string") return [];
    return [{ propertyPath, message, ...(typeof code === "string" ? { code } : {}) }];
  });
}

const mentions = (text: string, key: string) => text === key || text.includes(key);
const isRequired = (violation: Violation) => [violation.code ?? "", violation.message].some((text) => text.trim().toLowerCase() === REQUIRED || /(^|[.\s])required$/i.test(text.trim()));

/** A dotted field path from an API Platform propertyPath ("address.postalCode", "address[postalCode]"). */
export function fieldPath(propertyPath: string): string {
  return propertyPath.replace(/\[(\w+)\]/g, ".$1").replace(/^\./, "");
}

export interface ReadRefusal {
  /** Field → what the vendor said about it, in the app's terms where known. */
  fields: Record<string, { rule?: VendorRule; text: string }>;
  /** Fields a `required` error named: the client's configuration wants them. */
  required: string[];
}

/** Reads a 400/422 body: the email already used (wherever it is said), required fields, other violations. */
export function readRefusal(body: unknown): ReadRefusal {
  const fields: ReadRefusal["fields"] = {};
  const required: string[] = [];
  for (const violation of violationsOf(body)) {
    const path = fieldPath(violation.propertyPath);
    if (!path) continue;
    if ([violation.code ?? "", violation.message].some((text) => mentions(text, EMAIL_ALREADY_USED))) {
      fields.email = { rule: { keyword: "emailTaken" }, text: violation.message };
    } else if (isRequired(violation)) {
      fields[path] = { rule: { keyword: "required" }, text: violation.message };
      required.push(path);
    } else {
      fields[path] = { text: violation.message };
    }
  }
  if (!fields.email && strings(body).some((text) => mentions(text, EMAIL_ALREADY_USED))) {
    fields.email = { rule: { keyword: "emailTaken" }, text: EMAIL_ALREADY_USED };
  }
  return { fields, required };
}
