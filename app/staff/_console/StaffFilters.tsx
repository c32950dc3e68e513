import Link from "next/link";

/** A choice of a select: its value, shown as is, or a value with its own label. */
type Choice = string | { value: string; label: string };

/** A text or date input, or a select whose first option (value "") is `none` ("All forms"). */
export type FilterField = { name: string; label: string } & ({ type?: "text" | "date" } | { choices: readonly Choice[]; none: string });

interface Props {
  /** What the form filters, for screen readers: "Filter submissions". */
  label: string;
  fields: readonly FilterField[];
  /** The fields' current values, by name (what the page's query string holds). */
  values: Readonly<Record<string, string | undefined>>;
  submit: string;
  /** Why the query string was refused, shown under the form. */
  problem?: string;
}

/**
 * A console page's filters: a GET form, so that a filtered list is a link like any other
 * (the field names are the query parameters the page and its API read).
 */
export default function StaffFilters({ label, fields, values, submit, problem }: Props) {
  return (
    <>
      <form className="fg-staff-filters" method="get" role="search" aria-label={label}>
        {fields.map((field) => (
          <label key={field.name}>
            {field.label}{" "}
            {"choices" in field ? (
              <select name={field.name} defaultValue={values[field.name] ?? ""}>
                <option value="">{field.none}</option>
                {field.choices.map((choice) => {
                  const { value, label: text } = typeof choice === "string" ? { value: choice, label: choice } : choice;
                  return <option key={value} value={value}>{text}</option>;
                })}
              </select>
            ) : (
              <input type={field.type} name={field.name} defaultValue={values[field.name] ?? ""} />
            )}
          </label>
        ))}
        <button type="submit" className="fg-button">{submit}</button>
      </form>
      {problem !== undefined && <p className="fg-staff-error" role="alert">{problem}</p>}
    </>
  );
}

/** A page's query string as one value a name (the first, where a name is repeated). */
export async function queryValues(searchParams: Promise<Record<string, string | string[] | undefined>>): Promise<Record<string, string | undefined>> {
  return Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}

interface PagesProps {
  /** What the links page through, for screen readers: "More submissions". */
  label: string;
  /** The page's query string (its filters, and `after` past the first page). */
  query: Readonly<Record<string, string | undefined>>;
  /** Where the next page starts (the list's `older`), or null on the last page. */
  older: string | null;
  newest: string;
  next: string;
}

/** Links to a list's older entries and back to the newest, with the same filters. */
export function ListPages({ label, query, older, newest, next }: PagesProps) {
  const link = (after?: string) => `?${new URLSearchParams(Object.entries({ ...query, after }).filter((entry): entry is [string, string] => Boolean(entry[1])))}`;
  if (!older && !query.after) return null;
  return (
    <nav className="fg-staff-pages" aria-label={label}>
      {query.after && <Link href={link()}>{newest}</Link>}
      {older && <Link href={link(older)}>{next}</Link>}
    </nav>
  );
}
