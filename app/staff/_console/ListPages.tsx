import Link from "next/link";

interface Props {
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
export default function ListPages({ label, query, older, newest, next }: Props) {
  const link = (after?: string) => `?${new URLSearchParams(Object.entries({ ...query, after }).filter((entry): entry is [string, string] => Boolean(entry[1])))}`;
  if (!older && !query.after) return null;
  return (
    <nav className="fg-staff-pages" aria-label={label}>
      {query.after && <Link href={link()}>{newest}</Link>}
      {older && <Link href={link(older)}>{next}</Link>}
    </nav>
  );
}
