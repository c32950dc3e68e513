import type { WidgetProps } from "@rjsf/utils";
import { useSyncExternalStore } from "react";
import { invalidProps, statusId } from "../a11y";
import { wizardContext, type UsernameStatus } from "../context";
import { useTypedValue } from "../typing";
import { useUsernameCheck } from "./useUsernameCheck";

function statusText(status: UsernameStatus, t: ReturnType<typeof wizardContext>["t"]): string {
  switch (status.state) {
    case "checking":
      return t("checking");
    case "available":
      return t("usernameAvailable", { value: status.value });
    case "taken":
      return t("usernameTaken", { value: status.value });
    case "unknown":
      return t("usernameUnknown");
    default:
      return "";
  }
}

/** A text input that says, politely and while typing, whether the username is still free. */
export default function UsernameWidget(props: WidgetProps) {
  const { id, htmlName, value, required, disabled, readonly, autofocus, rawErrors, options, schema, registry, onChange, onBlur, onFocus } = props;
  const context = wizardContext(registry.formContext);
  const typed = useTypedValue(value, onChange, options.emptyValue, context.typing, { live: true });
  const text = typed.text;
  const known = useSyncExternalStore(context.username.subscribe, context.username.get, context.username.get);
  useUsernameCheck(context.api, text, known, context.onUsernameStatus);

  const status = known.value === text.trim() || known.state === "idle" ? known : { value: text, state: "checking" as const };
  const message = statusText(status, context.t);
  // The error under the label already says "taken"; saying it twice would be noise.
  const repeated = Boolean(rawErrors?.includes(message));
  return (
    <>
      <input
        id={id}
        name={htmlName || id}
        className="fg-input fg-input--username"
        type="text"
        ref={typed.input}
        value={text}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required={required}
        disabled={disabled}
        readOnly={readonly}
        autoFocus={autofocus}
        onChange={(event) => typed.change(event.target.value)}
        onBlur={(event) => {
          typed.flush();
          onBlur(id, event.target.value);
        }}
        onFocus={(event) => onFocus(id, event.target.value)}
        {...invalidProps(id, rawErrors, { status: true, description: Boolean(options.description ?? schema.description) })}
      />
      <p id={statusId(id)} className={`fg-status fg-status--${status.state}`} aria-live="polite">
        {repeated ? "" : message}
      </p>
    </>
  );
}
