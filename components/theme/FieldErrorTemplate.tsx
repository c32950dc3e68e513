import type { FieldErrorProps } from "@rjsf/utils";
import { errorId } from "@rjsf/utils";
import { wizardContext } from "./context";
import ErrorMessage from "./ErrorMessage";

/** The message at the field; its id is what the input's aria-describedby points to. */
export default function FieldErrorTemplate({ errors = [], fieldPathId, registry, schema }: FieldErrorProps) {
  const messages = errors.filter(Boolean);
  // An object's own errors sit under its legend (FieldTemplate).
  if (messages.length === 0 || schema.type === "object") return null;
  return <ErrorMessage id={errorId(fieldPathId)} messages={messages} t={wizardContext(registry.formContext).t} />;
}
