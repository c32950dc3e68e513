import { descriptionId, errorId, helpId } from "@rjsf/utils";

/** Extra id of a widget's own live status line (the username check). */
export const statusId = (id: string) => `${id}__status`;

/** Id of a field's note (wizard context `notes`). */
export const noteId = (id: string) => `${id}__note`;

interface Present {
  errors?: string[];
  description?: boolean;
  help?: boolean;
  status?: boolean;
  note?: boolean;
}

/**
 * aria-describedby naming only elements that exist: a dangling id is ignored by
 * browsers, but it confuses audits and the message order screen readers read out.
 */
export function describedBy(id: string, present: Present): string | undefined {
  const ids = [
    present.errors && present.errors.length > 0 ? errorId(id) : undefined,
    present.note ? noteId(id) : undefined,
    present.status ? statusId(id) : undefined,
    present.description ? descriptionId(id) : undefined,
    present.help ? helpId(id) : undefined,
  ].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/** Props that mark an input invalid and tie it to its messages. */
export function invalidProps(id: string, rawErrors: string[] | undefined, present: Omit<Present, "errors"> = {}) {
  const hasErrors = Boolean(rawErrors && rawErrors.length > 0);
  return {
    "aria-invalid": hasErrors ? (true as const) : undefined,
    "aria-describedby": describedBy(id, { ...present, errors: rawErrors }),
  };
}
