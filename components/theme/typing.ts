import { useCallback, useEffect, useRef, useState } from "react";

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
 * A text field's value while someone types: a keystroke renders this field alone, and
 * RJSF (which renders the whole page on every change, conditions and all) hears the value
 * once typing pauses, when the field loses focus, or when the page asks (PendingTyping).
 * A value from elsewhere (a restored draft, the person's earlier answer) replaces the text
 * unless typing is waiting to be heard, which then wins.
 */
export function useTypedValue(value: unknown, onChange: (value: unknown) => void, emptyValue: unknown, pending: PendingTyping | undefined) {
  const [text, setText] = useState(() => shown(value));
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
    else if (!waiting.current && shown(value) !== text) setText(shown(value));
  }

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
    setText(raw);
    clearTimeout(waiting.current?.timer);
    waiting.current = { value: raw === "" ? emptyValue : raw, timer: setTimeout(flush, TYPING_PAUSE_MS) };
  };
  return { text, change, flush };
}
