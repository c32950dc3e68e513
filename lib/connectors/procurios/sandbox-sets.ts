/**
 * The sandbox's registration sets. Set 42 is the document's example, byte for byte in
 * content and key order (quirks included); set 77 is ours, built the same way, with the
 * kinds of fields a club sign-up needs. Deliberately free of "server-only" (see sandbox.ts).
 */
type Schema = Record<string, unknown>;

export interface SandboxSet {
  id: number;
  title: string;
  schema: Schema;
  /**
   * Fields that start a new vendor page, for the `page` of a validate answer. The vendor's
   * paging is not documented: set 42 is one page (the document's example answers page 1
   * for a missing address); set 77 uses the pages of the demo "members" form.
   */
  pageBreaks: string[];
}

// Address parts carry `type` before `title`, and the string country says minimum/maximum,
// exactly as the document shows.
const address = {
  title: "Address",
  type: "object",
  properties: {
    street: { type: "string", title: "Street" },
    number: { type: "integer", title: "Number" },
    number_add: { type: "string", title: "Addition" },
    postcode: { type: "string", title: "ZIP code" },
    town: { type: "string", title: "Town" },
    country: { type: "string", minimum: 2, maximum: 2, title: "Country" },
  },
};

const SCHEMA_PLACEHOLDER = "@@schema@@";

const demo: SandboxSet = {
  id: 42,
  title: "Demo registration set",
  pageBreaks: [],
  schema: {
    $schema: SCHEMA_PLACEHOLDER,
    title: "Demo registration set",
    type: "object",
    properties: {
      first_name: { title: "First name", type: "string" },
      insertion: { title: "Insertion", type: "string" },
      name: { title: "Name", type: "string" },
      birth_date: { title: "Birth date", type: "date" },
      address,
      action_code: { title: "Entered via action", type: "integer" },
    },
    required: ["name", "address"],
  },
};

const club: SandboxSet = {
  id: 77,
  title: "Club membership",
  pageBreaks: ["first_name", "address", "membership"],
  schema: {
    $schema: SCHEMA_PLACEHOLDER,
    title: "Club membership",
    type: "object",
    properties: {
      username: { title: "Username", type: "string", minLength: 3, maxLength: 30, pattern: "^[a-z0-9_.-]+$" },
      email: { title: "Email address", type: "string", format: "email" },
      password: { title: "Password", type: "string", minLength: 8 },
      first_name: { title: "First name", type: "string" },
      insertion: { title: "Insertion", type: "string" },
      name: { title: "Last name", type: "string" },
      birth_date: { title: "Birth date", type: "date" },
      gender: { title: "Gender", type: "string", enum: ["Female", "Male", "Non-binary", "Prefer not to say"] },
      address,
      phone: { title: "Phone number", type: "string" },
      membership: {
        title: "Membership type",
        type: "string",
        oneOf: [
          { const: "senior", title: "Senior" },
          { const: "junior", title: "Junior (under 18)" },
          { const: "student", title: "Student" },
          { const: "supporter", title: "Supporter" },
        ],
      },
      newsletter: { title: "Send me the club newsletter", type: "boolean" },
      terms: { title: "I accept the terms and conditions", type: "boolean", const: true },
      action_code: { title: "Entered via action", type: "integer" },
    },
    required: ["username", "email", "password", "first_name", "name", "birth_date", "address", "membership", "terms"],
    allOf: [
      {
        if: { properties: { membership: { const: "student" } }, required: ["membership"] },
        then: {
          properties: { student_number: { type: "string", title: "Student number", pattern: "^[0-9]{6,10}$" } },
          required: ["student_number"],
        },
      },
    ],
  },
};

export const sandboxSets: ReadonlyMap<number, SandboxSet> = new Map([demo, club].map((set) => [set.id, set]));

/**
 * The schema as the vendor sends it: pretty-printed like the document, with `$schema`
 * double-escaped in the raw text (`http:\\\/\\\/…`), which parses to `http:\/\/…`.
 */
export function schemaText(set: SandboxSet): string {
  const escaped = String.raw`"http:\\\/\\\/json-schema.org\\\/draft-07\\\/schema#"`;
  return JSON.stringify(set.schema, null, 4).replace(`"${SCHEMA_PLACEHOLDER}"`, escaped);
}

/** The username fields taken before anyone registers (compared case-insensitively). */
export const initiallyTakenUsernames = ["admin", "jdevries", "taken", "member"];
