/**
 * Keyset paging for the console's lists, newest first: a page ends on a row's time and id
 * (rows of the same millisecond go by id), and the next page starts after it, so a row
 * added meanwhile never shifts a page, and none is repeated or skipped.
 */
export interface ListCursor {
  at: number;
  id: string;
}

/** The cursor as the list's link carries it (`after=…`): "1764000000123.<id>". */
export const CURSOR_PATTERN = /^\d{1,15}\.[\w-]{1,100}$/;

export function parseCursor(value: string): ListCursor {
  const dot = value.indexOf(".");
  return { at: Number(value.slice(0, dot)), id: value.slice(dot + 1) };
}

/** Of `limit + 1` rows read, the page and where the next one starts (null on the last page). */
export function pageOf<T extends { id: string }>(found: T[], limit: number, timeOf: (row: T) => number | string): { rows: T[]; older: string | null } {
  const rows = found.slice(0, limit);
  const last = rows.at(-1);
  return { rows, older: found.length > limit && last ? `${timeOf(last)}.${last.id}` : null };
}
