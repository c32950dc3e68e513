import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";

/** How long typing pauses before the form hears a text field's value. */
export const TYPING_PAUSE_MS = 150;

/**
 * The text fields of one page with typing the form has not heard yet. The page tells
 * them all at once before anything reads its answers: Next, Back, leaving the page.
 */
export interface PendingTyping {
  add(flush: () => void): () => void;
  flush(): void;
}

export function pendingTyping(): PendingTyping {
  const flushes = new Set<() => void>();
  return {
    add(flush) {
      flushes.add(flush);
      return () => flushes.delete(flush);
    },
    flush() {
      for (const flush of [...flushes]) flush();
    },
  };
}

const shown = (value: unknown) => (value === undefined || value === null ? "" : String(value));

/**
 * A text field's value while someone types: a keystroke renders nothing at all (the field is
 * the browser's own, uncontrolled, `input` below), or this field alone when it shows something
 * as it is typed (`live`: a username's or an email's status); RJSF (which renders the whole page
 * on every change, conditions and all) hears the value once typing pauses, when the field loses
 * focus, or when the page asks (PendingTyping). A value from elsewhere (a restored draft, the
 * person's earlier answer) replaces the text unless typing is waiting to be heard, which then wins.
 */
export function useTypedValue<E extends HTMLInputElement | HTMLTextAreaElement = HTMLInputElement>(
  value: unknown,
  onChange: (value: unknown) => void,
  emptyValue: unknown,
  pending: PendingTyping | undefined,
  { live = false }: { live?: boolean } = {},
) {
  // Live: what the field shows. Otherwise what it showed first (`defaultValue`), then `input` is written to.
  const [text, setText] = useState(() => shown(value));
  const input = useRef<E>(null);
  const external = useRef<string | null>(null);
  const given = useRef(value);
  const waiting = useRef<{ value: unknown; timer: ReturnType<typeof setTimeout> } | null>(null);
  // Told the form a value it has not rendered yet: the next value it renders is that one (or, in
  // between, the one before), not a change from elsewhere.
  const told = useRef(false);
  const report = useRef(onChange);
  useEffect(() => {
    report.current = onChange;
  });

  if (!Object.is(value, given.current)) {
    given.current = value;
    if (told.current) told.current = false;
    else if (!waiting.current) {
      if (!live) external.current = shown(value);
      else if (shown(value) !== text) setText(shown(value));
    }
  }
  useLayoutEffect(() => {
    const field = input.current;
    const next = external.current;
    external.current = null;
    if (field && next !== null && field.value !== next) field.value = next;
  });

  const flush = useCallback(() => {
    const typed = waiting.current;
    if (!typed) return;
    clearTimeout(typed.timer);
    waiting.current = null;
    told.current = shown(typed.value) !== shown(given.current);
    report.current(typed.value);
  }, []);

  useEffect(() => {
    const remove = pending?.add(flush);
    return () => {
      remove?.();
      clearTimeout(waiting.current?.timer);
    };
  }, [pending, flush]);

  const change = (raw: string) => {
    if (live) setText(raw);
    clearTimeout(waiting.current?.timer);
    waiting.current = { value: raw === "" ? emptyValue : raw, timer: setTimeout(flush, TYPING_PAUSE_MS) };
  };
  const typedEarly = useRef(change);
  typedEarly.current = change;
  // The page arrives as HTML and becomes live a moment later: what someone typed (or the browser
  // filled in) in between is in the field but was never heard. Hear it now, as typing.
  useEffect(() => {
    const field = input.current;
    if (field && field.value !== shown(given.current)) typedEarly.current(field.value);
  }, []);
  return { text, input, change, flush };
}
