import type { WidgetProps } from "@rjsf/utils";
import { invalidProps } from "../a11y";

export default function TextareaWidget(props: WidgetProps) {
  const { id, htmlName, value, required, disabled, readonly, autofocus, placeholder, options, rawErrors, schema, onChange, onBlur, onFocus } = props;
  return (
    <textarea
      id={id}
      name={htmlName || id}
      className="fg-textarea"
      value={value ?? ""}
      rows={typeof options.rows === "number" ? options.rows : 5}
      required={required}
      disabled={disabled}
      readOnly={readonly}
      autoFocus={autofocus}
      placeholder={placeholder || undefined}
      onChange={(event) => onChange(event.target.value === "" ? options.emptyValue : event.target.value)}
      onBlur={(event) => onBlur(id, event.target.value)}
      onFocus={(event) => onFocus(id, event.target.value)}
      {...invalidProps(id, rawErrors, { description: Boolean(options.description ?? schema.description) })}
    />
  );
}
