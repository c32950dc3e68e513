import "server-only";
import { z } from "zod";
import { baseUrlOption, envNameOption, timeoutOption } from "../options";

/** The document's identifiers are numbers or short codes; anything else cannot be a path segment or a header. */
const identifier = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1 to 64 letters, digits, - or _");

/** A form's `options` for the Resamania connector, as written in the forms configuration. */
export const resamaniaOptionsSchema = z
  .object({
    /** The API origin (the client token is the first path segment), or the built-in sandbox ("/sandbox/resamania"). */
    baseUrl: baseUrlOption,
    clientToken: identifier,
    /** This club: x-user-club-id, and the club every new contact belongs to. */
    clubId: identifier,
    networkNodeId: identifier,
    /** The contact source that attributes new contacts to this app. */
    sourceId: identifier,
    tokenEnv: envNameOption("RESAMANIA_TOKEN"),
    /** A club chain: emails are searched across the whole network, and prospects of other clubs can be migrated. */
    network: z.boolean().default(false),
    /** What the form is used for: a sale needs the postal address, a contract the mobile number. */
    requires: z.array(z.enum(["address", "mobile"])).default([]),
    timeoutMs: timeoutOption,
  })
  .strict();

export type ResamaniaOptions = z.infer<typeof resamaniaOptionsSchema>;
