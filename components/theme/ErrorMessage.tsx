import type { Translate } from "@/lib/i18n";
import { languageOf } from "@/lib/i18n/foreign";

/** The message at a field (GOV.UK: bold, red, with a hidden "Error:" for screen readers). */
export default function ErrorMessage({ id, messages, t }: { id: string; messages: (string | React.ReactElement)[]; t: Translate }) {
  return (
    <p id={id} className="fg-error-message">
      {messages.map((message, index) => (
        <span key={index} className="fg-error-line">
          <span className="fg-visually-hidden">{t("errorPrefix")} </span>
          {languageOf(message) ? <span lang={languageOf(message)}>{message}</span> : message}
        </span>
      ))}
    </p>
  );
}
