import type { FieldErrorProps } from "@rjsf/utils";
import { errorId } from "@rjsf/utils";
import { wizardContext } from "./context";

/** The message at the field; its id is what the input's aria-describedby points to. */
export default function FieldErrorTemplate({ errors = [], fieldPathId, registry, schema }: FieldErrorProps) {
  const messages = errors.filter(Boolean);
  // An object's own errors are shown under its legend by ObjectFieldTemplate.
  if (messages.length === 0 || schema.type === "object") return null;
  const { t } = wizardContext(registry.formContext);
  return (
    <p id={errorId(fieldPathId)} className="fg-error-message">
      {messages.map((message, index) => (
        <span key={index} className="fg-error-line">
          <span className="fg-visually-hidden">{t("errorPrefix")} </span>
          {message}
        </span>
      ))}
    </p>
  );
}
