import type { WidgetProps } from "@rjsf/utils";
import { useSyncExternalStore } from "react";
import { invalidProps, statusId } from "../a11y";
import { wizardContext, type EmailStatus } from "../context";
import { useTypedValue } from "../typing";

/**
 * What the widget shows of the check for the address typed (a verdict belongs to the address it
 * checked): a word, so that a verdict that shows nothing here, a new address or a refusal (the
 * field's error), renders nothing.
 */
function shownOf(status: EmailStatus, address: string): "" | "checking" | "unknown" | "transferable" | "transfer chosen" {
  if (status.value !== address) return "";
  if (status.state === "checking" || status.state === "unknown") return status.state;
  if (status.state === "transferable") return status.transfer ? "transfer chosen" : "transferable";
  return "";
}

/**
 * An email input whose address the vendor checks on Next (Connector.checkEmail). A
 * refusal ("already registered here", "cannot be moved") is the field's error; what
 * the person may do instead (continue with a transfer, or go on unchecked) is said in a
 * polite live region under the input, present before it speaks, with the choice to
 * continue as a checkbox of its own.
 */
export default function EmailWidget(props: WidgetProps) {
  const { id, htmlName, value, required, disabled, readonly, autofocus, rawErrors, options, schema, registry, onChange, onBlur, onFocus } = props;
  const context = wizardContext(registry.formContext);
  const { t } = context;
  const typed = useTypedValue(value, onChange, options.emptyValue, context.typing, { live: true });
  const text = typed.text;
  const snapshot = () => shownOf(context.email.get(), text.trim());
  const shown = useSyncExternalStore(context.email.subscribe, snapshot, snapshot);
  const state = shown === "transfer chosen" ? "transferable" : shown || "idle";
  const message = state === "checking" ? t("checking") : state === "transferable" ? t("emailTransferable") : state === "unknown" ? t("emailUnknown") : "";
  const transferId = `${id}__transfer`;
  return (
    <>
      <input
        id={id}
        name={htmlName || id}
        className="fg-input fg-input--email"
        type="email"
        ref={typed.input}
        value={text}
        autoComplete="email"
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
      <p id={statusId(id)} className={`fg-status fg-status--${state}`} aria-live="polite">
        {message}
      </p>
      {state === "transferable" && (
        <div className="fg-checkbox fg-email-transfer">
          <input
            type="checkbox"
            id={transferId}
            className="fg-checkbox__input"
            checked={shown === "transfer chosen"}
            aria-describedby={statusId(id)}
            onChange={(event) => context.onEmailTransfer(event.target.checked)}
          />
          <label htmlFor={transferId} className="fg-checkbox__label">
            {t("emailTransferLabel")}
          </label>
        </div>
      )}
    </>
  );
}
