/**
 * A form that grows: a vendor may turn out, at submit, to require a field the form did
 * not have (a client's own configuration). The server's definition then includes it,
 * so the page is loaded again (the draft keeps every answer) and the wizard takes the
 * person to the new field. This note, in sessionStorage, says which fields to show.
 */
const key = (formId: string) => `formgate:${formId}:grown`;

interface Growth {
  fields: string[];
  /** How many reloads this tab made for this form: a field the server cannot add must not reload forever. */
  reloads: number;
}

function read(formId: string): Growth | undefined {
  try {
    const value: unknown = JSON.parse(window.sessionStorage.getItem(key(formId)) ?? "null");
    const growth = value as Growth | null;
    return growth && Array.isArray(growth.fields) && typeof growth.reloads === "number" ? growth : undefined;
  } catch {
    return undefined;
  }
}

/** Notes the fields and reloads the page; false when it must not (storage off, or reloaded already). */
export function growAndReload(formId: string, fields: string[]): boolean {
  const reloads = (read(formId)?.reloads ?? 0) + 1;
  if (reloads > 2) return false;
  try {
    window.sessionStorage.setItem(key(formId), JSON.stringify({ fields, reloads }));
  } catch {
    return false;
  }
  // After the current render: the draft is written on the way out (useDraftSync, pagehide).
  setTimeout(() => window.location.reload(), 0);
  return true;
}

/** The fields a reload was made for, once (the note is cleared, the reload count kept). */
export function takeGrowth(formId: string): string[] | undefined {
  const growth = read(formId);
  if (!growth || growth.fields.length === 0) return undefined;
  try {
    window.sessionStorage.setItem(key(formId), JSON.stringify({ fields: [], reloads: growth.reloads }));
  } catch {
    // nothing to clear without storage
  }
  return growth.fields;
}
