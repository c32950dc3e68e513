"use client";

import { useEffect, useRef, type MouseEvent } from "react";
import type { Translate } from "@/lib/i18n";
import { languageOf } from "@/lib/i18n/foreign";
import { focusField } from "./focus";
import { fieldId } from "./paths";

interface Props {
  t: Translate;
  /** [dotted path, message] in page order. */
  entries: [string, string][];
  /** Messages that belong to no field (e.g. the service could not be reached). */
  general?: string[];
  /** Changes whenever the summary should take focus (a new "Next" verdict). */
  focusToken: number;
  /** The field's label, for messages that don't name it (vendor texts such as "Dit veld is verplicht"). */
  titleOf: (path: string) => string;
}

/** The field's label before a message that does not name it; a message in another language keeps its own `lang`. */
function linkText(title: string, message: string) {
  const lang = languageOf(message);
  const text = lang ? <span lang={lang}>{message}</span> : message;
  return message.toLowerCase().includes(title.toLowerCase()) ? text : <>{title}: {text}</>;
}

/** GOV.UK error summary: an alert at the top, taking focus, each message linking to its field. */
export default function ErrorSummary({ t, entries, general = [], focusToken, titleOf }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const visible = entries.length > 0 || general.length > 0;

  useEffect(() => {
    if (visible && focusToken > 0) ref.current?.focus();
  }, [focusToken, visible]);

  if (!visible) return null;
  const onClick = (event: MouseEvent<HTMLAnchorElement>, path: string) => {
    if (focusField(path)) event.preventDefault();
  };
  return (
    <div className="fg-error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="fg-error-summary-title">
      <h2 id="fg-error-summary-title" className="fg-error-summary__title">
        {t("errorSummaryTitle")}
      </h2>
      <ul className="fg-error-summary__list">
        {general.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {entries.map(([path, message]) => (
          <li key={path}>
            <a href={`#${fieldId(path)}`} onClick={(event) => onClick(event, path)}>
              {linkText(titleOf(path), message)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
