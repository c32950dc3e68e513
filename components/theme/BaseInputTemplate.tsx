import type { BaseInputTemplateProps } from "@rjsf/utils";
import { getInputProps } from "@rjsf/utils";
import { useState, type ChangeEvent, type FocusEvent } from "react";
import { invalidProps } from "./a11y";
import { wizardContext } from "./context";
import { useTypedValue } from "./typing";

const TEXT_TYPES = new Set(["text", "email", "password", "url", "tel", "search"]);

/**
 * The <input> behind text, email, password, date and number fields. Numbers are
 * typed into a text input with a numeric keyboard (GOV.UK advice: type=number
 * swallows invalid input and changes on scroll); RJSF's NumberField still turns
 * the text into a number. RJSF hears what is typed when typing pauses (typing.ts).
 */
export default function BaseInputTemplate(props: BaseInputTemplateProps) {
  const { id, htmlName, value, readonly, disabled, autofocus, onBlur, onFocus, onChange, onChangeOverride } = props;
  const { options, schema, rawErrors, type, required, placeholder, registry } = props;
  const inputProps = getInputProps(schema, type, options);
  const numeric = inputProps.type === "number";
  const inputType = numeric ? "text" : inputProps.type;
  const inputMode = numeric ? (schema.type === "integer" ? "numeric" : "decimal") : type === "email" ? "email" : undefined;
  const context = wizardContext(registry.formContext);
  const describe = { description: Boolean(options.description ?? schema.description), note: Boolean(context.notes?.[id]) };
  const typed = useTypedValue(value, onChange, options.emptyValue, context.typing);
  // A password may be shown while typed (GOV.UK's password input): the person checks what they typed.
  const [shown, setShown] = useState(() => context.shownPasswords?.has(id) ?? false);
  const toggleShown = () => {
    setShown(!shown);
    if (shown) context.shownPasswords?.delete(id);
    else context.shownPasswords?.add(id);
  };
  const password = inputProps.type === "password";

  // Text is typed a keystroke at a time; a date, colour or range picker sets its value in one go.
  const textual = TEXT_TYPES.has(inputType ?? "text");
  const handleChange = ({ target }: ChangeEvent<HTMLInputElement>) =>
    textual ? typed.change(target.value) : onChange(target.value === "" ? options.emptyValue : target.value);
  const handleBlur = ({ target }: FocusEvent<HTMLInputElement>) => {
    typed.flush();
    onBlur(id, target.value);
  };
  const handleFocus = ({ target }: FocusEvent<HTMLInputElement>) => onFocus(id, target.value);

  const input = (
    <input
      id={id}
      name={htmlName || id}
      className={`fg-input${numeric ? " fg-input--short" : ""}`}
      type={password && shown ? "text" : inputType}
      inputMode={inputMode}
      step={numeric ? undefined : inputProps.step}
      min={numeric ? undefined : inputProps.min}
      max={numeric ? undefined : inputProps.max}
      {...(textual ? { ref: typed.input, defaultValue: typed.text } : { value: value ?? "" })}
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      required={required}
      placeholder={placeholder || undefined}
      autoComplete={(options.autocomplete as string | undefined) ?? inputProps.autoComplete}
      spellCheck={type === "email" || type === "password" ? false : undefined}
      onChange={onChangeOverride ?? handleChange}
      onBlur={handleBlur}
      onFocus={handleFocus}
      {...invalidProps(id, rawErrors, describe)}
    />
  );
  if (!password) return input;
  return (
    <span className="fg-password">
      {input}
      <button type="button" className="fg-button fg-button--secondary fg-password__toggle" aria-controls={id} aria-pressed={shown} onClick={toggleShown}>
        {shown ? context.t("passwordHide") : context.t("passwordShow")}
      </button>
    </span>
  );
}
