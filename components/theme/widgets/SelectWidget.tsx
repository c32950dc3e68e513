import type { WidgetProps } from "@rjsf/utils";
import { enumOptionSelectedValue, enumOptionValueDecoder, enumOptionValueEncoder, getOptionValueFormat } from "@rjsf/utils";
import type { ChangeEvent, FocusEvent } from "react";
import { invalidProps } from "../a11y";

/** A native <select>: the most robust choice for keyboards, screen readers and phones. */
export default function SelectWidget(props: WidgetProps) {
  const { id, htmlName, value, required, disabled, readonly, autofocus, placeholder, options, rawErrors, schema, onChange, onBlur, onFocus } = props;
  const { enumOptions = [], enumDisabled, emptyValue } = options;
  const format = getOptionValueFormat(options);
  const decode = (event: ChangeEvent<HTMLSelectElement> | FocusEvent<HTMLSelectElement>) =>
    enumOptionValueDecoder(event.target.value, enumOptions, format, emptyValue);
  const selected = enumOptionSelectedValue(value, enumOptions, false, format, "");
  return (
    <select
      id={id}
      name={htmlName || id}
      className="fg-select"
      value={typeof selected === "string" ? selected : ""}
      required={required}
      disabled={disabled || readonly}
      autoFocus={autofocus}
      autoComplete={options.autocomplete as string | undefined}
      onChange={(event) => onChange(decode(event))}
      onBlur={(event) => onBlur(id, decode(event))}
      onFocus={(event) => onFocus(id, decode(event))}
      {...invalidProps(id, rawErrors, { description: Boolean(options.description ?? schema.description) })}
    >
      {schema.default === undefined && <option value="">{placeholder ?? ""}</option>}
      {enumOptions.map((option, index) => (
        <option
          key={String(option.value)}
          value={enumOptionValueEncoder(option.value, index, format)}
          disabled={Array.isArray(enumDisabled) && enumDisabled.includes(option.value)}
        >
          {option.label}
        </option>
      ))}
    </select>
  );
}
