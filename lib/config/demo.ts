import type { FormConfigInput } from "./schema";

/**
 * The built-in configuration, used when FORMS_CONFIG is not set: every demo form
 * talks to the built-in sandbox on the app's own origin.
 */
const localOrigins = ["http://localhost:*", "http://127.0.0.1:*"];

export const demoForms: FormConfigInput[] = [
  {
    id: "members",
    title: "Become a member",
    connector: "procurios",
    locale: "en",
    options: { baseUrl: "/sandbox/procurios", registrationSetId: 77, tokenEnv: "PROCURIOS_TOKEN" },
    pages: [
      { title: "Your account", fields: ["username", "email", "password"] },
      { title: "About you", fields: ["first_name", "insertion", "name", "birth_date", "gender"] },
      { title: "Your address", fields: ["address", "phone"] },
      { title: "Membership", fields: ["membership", "student_number", "newsletter", "terms"] },
    ],
    hidden: ["action_code"],
    embed: { allowedOrigins: localOrigins },
    defaultCountry: "NL",
    confirmation: {
      en: {
        message: "Welcome to the club! Your first training is free: come along any Tuesday at 19:30, and bring sports shoes.",
        link: { text: "See the training schedule", href: "https://example.org/training" },
      },
    },
  },
  {
    id: "demo",
    title: "Demo registration set",
    connector: "procurios",
    locale: "en",
    options: { baseUrl: "/sandbox/procurios", registrationSetId: 42, tokenEnv: "PROCURIOS_TOKEN" },
    hidden: ["action_code"],
    embed: { allowedOrigins: localOrigins },
    defaultCountry: "NL",
  },
];
