/**
 * A date typed as day, month and year, kept as one ISO-shaped text ("1990-04-01") for the
 * schema. What cannot be a date is kept as typed ("1990-02-30", "-04-1"), so nothing is
 * lost and the format check says what is wrong.
 */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

const EMPTY: DateParts = { day: "", month: "", year: "" };

export function splitDate(value: unknown): DateParts {
  if (typeof value !== "string" || value === "") return EMPTY;
  const parts = value.split("-");
  if (parts.length !== 3) return { ...EMPTY, year: value };
  const [year, month, day] = parts;
  return { day, month, year };
}

const pad = (text: string) => (/^\d$/.test(text) ? `0${text}` : text);
// "-" separates the parts in the value; in a part it can only be a slip of the finger.
const clean = (text: string) => text.trim().replace(/-/g, "");

export function joinDate(parts: DateParts): string | undefined {
  const [day, month, year] = [clean(parts.day), clean(parts.month), clean(parts.year)];
  if (!day && !month && !year) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}
