import type { WidgetProps } from "@rjsf/utils";
import { descriptionId } from "@rjsf/utils";
import { invalidProps } from "../a11y";
import { labelClass } from "../FieldTemplate";

/** A single checkbox (consent, newsletter) with its label beside the box, as GOV.UK does. */
export default function CheckboxWidget(props: WidgetProps) {
  const { id, htmlName, value, disabled, readonly, autofocus, label, required, rawErrors, schema, options, onChange, onBlur, onFocus } = props;
  const description = (options.description ?? schema.description) as string | undefined;
  return (
    <div className="fg-checkbox">
      {description && (
        <p id={descriptionId(id)} className="fg-hint">
          {description}
        </p>
      )}
      <input
        type="checkbox"
        id={id}
        name={htmlName || id}
        className="fg-checkbox__input"
        checked={value === true}
        required={required}
        disabled={disabled || readonly}
        autoFocus={autofocus}
        onChange={(event) => onChange(event.target.checked)}
        onBlur={(event) => onBlur(id, event.target.checked)}
        onFocus={(event) => onFocus(id, event.target.checked)}
        {...invalidProps(id, rawErrors, { description: Boolean(description) })}
      />
      <label htmlFor={id} className={labelClass("fg-checkbox__label", required)}>
        {label}
      </label>
    </div>
  );
}
