import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

/** Shape of the deployment's forms configuration (FORMS_CONFIG); connector options are checked by each connector. */
const origin = z
  .string()
  .regex(/^https?:\/\/[^/\s]+$/, "must be an origin such as https://club.example (scheme and host, no path)");

const cssColor = z.string().regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, "must be a hex colour such as #0b5fff");

export const themeSchema = z
  .object({
    primaryColor: cssColor.optional(),
    fontFamily: z
      .string()
      .max(200)
      .regex(/^[\w\s,"'-]+$/, "must be a CSS font-family list")
      .optional(),
    borderRadius: z
      .string()
      .regex(/^\d{1,2}(?:\.\d+)?(?:px|rem|em)$/, "must be a CSS length such as 6px")
      .optional(),
  })
  .strict();

export type Theme = z.infer<typeof themeSchema>;

const fieldName = z.string().regex(/^[A-Za-z_][\w-]{0,99}$/, "must be a field name");

const localeCode = z.enum(LOCALES, { error: `must be one of the app's languages: ${LOCALES.join(", ")}` });

/** A text in one language, or per language: {"nl": "…", "en": "…", "fr": "…"} (lib/forms/texts.ts picks one). */
const localized = (max: number) =>
  z.union([
    z.string().min(1).max(max),
    z.partialRecord(localeCode, z.string().min(1).max(max)).refine((texts) => Object.keys(texts).length > 0, "must give a text in at least one language"),
  ]);

export type LocalizedText = z.infer<ReturnType<typeof localized>>;

export const pageSchema = z
  .object({
    title: localized(200),
    fields: z.array(fieldName).min(1),
  })
  .strict();

/** Bot protection per form (README, "Abuse protection"). */
export const protectionSchema = z
  .object({
    /** Refuse a submit whose off-screen honeypot field was filled (the wizard's fields). */
    honeypot: z.boolean().default(true),
    /** A submit sooner than this after the form was served is refused; default MIN_FILL_MS. */
    minFillMs: z.number().int().min(0).max(3_600_000).optional(),
    /** Refuse submits without the wizard's "form started" token: no API clients. */
    requireToken: z.boolean().default(false),
    refuseDisposableEmail: z.boolean().default(false),
    challenge: z
      .object({
        provider: z.enum(["turnstile", "hcaptcha"]),
        siteKey: z.string().regex(/^[\w-]{1,100}$/, "must be the provider's site key"),
        secretEnv: z.string().regex(/^[A-Z_][A-Z0-9_]{0,99}$/, "must be an environment variable name such as TURNSTILE_SECRET"),
      })
      .strict()
      .optional(),
  })
  .strict();

export type ProtectionConfig = z.infer<typeof protectionSchema>;

const fieldPath = z.string().regex(/^[A-Za-z_][\w-]{0,99}(?:\.[A-Za-z_][\w-]{0,99}){0,3}$/, "must be a field name such as birth_date");

/** A field's own words instead of the vendor's, per language: label, description, help text, option labels by value. */
export const fieldTextsSchema = z
  .object({
    label: localized(200).optional(),
    description: localized(1000).optional(),
    help: localized(1000).optional(),
    options: z.record(z.string().max(200), localized(200)).optional(),
  })
  .strict();

export type FieldTexts = z.infer<typeof fieldTextsSchema>;

/** Bounds of birth dates (recognised by name or title, or listed in `fields`): not in the future, not over 120 years ago. */
export const birthDatesSchema = z
  .object({
    fields: z.array(fieldPath).default([]),
    minAgeYears: z.number().int().min(0).max(120).default(0),
    maxAgeYears: z.number().int().min(1).max(150).default(120),
  })
  .strict()
  .refine((value) => value.minAgeYears < value.maxAgeYears, { message: "minAgeYears must be less than maxAgeYears" });

export type BirthDates = z.infer<typeof birthDatesSchema>;

const httpUrl = z.string().max(2000).regex(/^https?:\/\/[^\s]+$/, "must be an http(s) URL");

/** What the last page says once the registration is in, per language ("en", "nl"). */
export const confirmationSchema = z.record(
  z.string().regex(/^[a-z]{2}$/, "must be a two-letter language code"),
  z
    .object({
      message: z.string().min(1).max(1000),
      link: z.object({ text: z.string().min(1).max(200), href: httpUrl }).strict().optional(),
    })
    .strict(),
);

export const formSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "must be lower-case letters, digits and dashes"),
    title: localized(200),
    connector: z.string(),
    /** The form's default language; `locales` are the ones it offers (default: only this one). */
    locale: localeCode.default("en"),
    locales: z.array(localeCode).min(1).optional(),
    /** Field texts by field name (dotted for parts: "address.street"). */
    fields: z.record(fieldPath, fieldTextsSchema).default({}),
    options: z.record(z.string(), z.unknown()),
    pages: z.array(pageSchema).min(1).optional(),
    /** Fields end users never see (filled from the URL or the embedding page). */
    hidden: z.array(fieldName).default([]),
    theme: themeSchema.default({}),
    embed: z
      .object({ allowedOrigins: z.array(origin).default([]) })
      .strict()
      .default({ allowedOrigins: [] }),
    protection: protectionSchema.default({ honeypot: true, requireToken: false, refuseDisposableEmail: false }),
    /** ISO 3166-1 alpha-2: how phone numbers without a country code are read, e.g. "NL". */
    defaultCountry: z.string().regex(/^[A-Z]{2}$/, "must be a two-letter country code such as NL").optional(),
    birthDates: birthDatesSchema.default({ fields: [], minAgeYears: 0, maxAgeYears: 120 }),
    confirmation: confirmationSchema.optional(),
  })
  .strict()
  .refine((form) => !form.locales || form.locales.includes(form.locale), { message: "locales must include the default locale", path: ["locales"] })
  .superRefine((form, ctx) => {
    // A text given per language must be given in every language the form offers.
    const locales = form.locales ?? [form.locale];
    const check = (text: LocalizedText | undefined, path: PropertyKey[]) => {
      if (text === undefined || typeof text === "string") return;
      const missing = locales.filter((locale) => !text[locale]);
      if (missing.length) ctx.addIssue({ code: "custom", path, message: `has no text in ${missing.join(", ")}, which the form offers` });
    };
    check(form.title, ["title"]);
    form.pages?.forEach((page, index) => check(page.title, ["pages", index, "title"]));
    for (const [name, texts] of Object.entries(form.fields)) {
      for (const key of ["label", "description", "help"] as const) check(texts[key], ["fields", name, key]);
      for (const [value, label] of Object.entries(texts.options ?? {})) check(label, ["fields", name, "options", value]);
    }
  })
  .transform((form) => ({ ...form, locales: [...new Set([form.locale, ...(form.locales ?? [])])] }));

export const configFileSchema = z
  .object({ forms: z.array(formSchema).min(1) })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.forms.forEach((form, index) => {
      if (seen.has(form.id)) {
        ctx.addIssue({ code: "custom", path: ["forms", index, "id"], message: `duplicate form id "${form.id}"` });
      }
      seen.add(form.id);
    });
  });

export type FormConfigInput = z.input<typeof formSchema>;
export type FormConfig = z.infer<typeof formSchema>;
