import type { WidgetProps } from "@rjsf/utils";
import { invalidProps } from "../a11y";
import { wizardContext } from "../context";
import { useTypedValue } from "../typing";

export default function TextareaWidget(props: WidgetProps) {
  const { id, htmlName, value, required, disabled, readonly, autofocus, placeholder, options, rawErrors, schema, registry, onChange, onBlur, onFocus } = props;
  const typed = useTypedValue<HTMLTextAreaElement>(value, onChange, options.emptyValue, wizardContext(registry.formContext).typing);
  return (
    <textarea
      id={id}
      name={htmlName || id}
      className="fg-textarea"
      ref={typed.input}
      defaultValue={typed.text}
      rows={typeof options.rows === "number" ? options.rows : 5}
      required={required}
      disabled={disabled}
      readOnly={readonly}
      autoFocus={autofocus}
      placeholder={placeholder || undefined}
      onChange={(event) => typed.change(event.target.value)}
      onBlur={(event) => {
        typed.flush();
        onBlur(id, event.target.value);
      }}
      onFocus={(event) => onFocus(id, event.target.value)}
      {...invalidProps(id, rawErrors, { description: Boolean(options.description ?? schema.description) })}
    />
  );
}
