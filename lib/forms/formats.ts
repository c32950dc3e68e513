import { fastFormats, fullFormats } from "ajv-formats/dist/formats";

/**
 * The formats the browser's validators check (lib/forms/browser-validator.ts): Ajv's fast
 * ones, but dates as the server checks them (30 February is not a date), and phone numbers
 * only for plausibility: digits and separators, 6 to 17 digits. Whether a number exists
 * needs the form's country and libphonenumber's data, which stay on the server.
 */
export const browserFormats = {
  ...fastFormats,
  date: fullFormats.date,
  phone: /^\+?(?:[\s().\/-]*\d){6,17}[\s().\/-]*$/,
};
