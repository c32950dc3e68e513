import type { WidgetProps } from "@rjsf/utils";
import { enumOptionsIsSelected, enumOptionValueEncoder, getOptionValueFormat, optionId } from "@rjsf/utils";
import { invalidProps } from "../a11y";

/** Radios inside the fieldset FieldTemplate draws; the first one carries the field id for error links. */
export default function RadioWidget(props: WidgetProps) {
  const { id, htmlName, value, required, disabled, readonly, autofocus, options, rawErrors, onChange, onBlur, onFocus } = props;
  const { enumOptions = [], enumDisabled, inline } = options;
  const format = getOptionValueFormat(options);
  return (
    <div className={inline ? "fg-radios fg-radios--inline" : "fg-radios"}>
      {enumOptions.map((option, index) => {
        const optionDomId = index === 0 ? id : optionId(id, index);
        const itemDisabled = Array.isArray(enumDisabled) && enumDisabled.includes(option.value);
        return (
          <div className="fg-radio" key={String(option.value)}>
            <input
              type="radio"
              id={optionDomId}
              name={htmlName || id}
              className="fg-radio__input"
              value={enumOptionValueEncoder(option.value, index, format)}
              checked={enumOptionsIsSelected(option.value, value)}
              required={required}
              disabled={disabled || readonly || itemDisabled}
              autoFocus={autofocus && index === 0}
              onChange={() => onChange(option.value)}
              onBlur={() => onBlur(id, value)}
              onFocus={() => onFocus(id, value)}
              {...invalidProps(id, rawErrors)}
            />
            <label htmlFor={optionDomId} className="fg-radio__label">
              {option.label}
            </label>
          </div>
        );
      })}
    </div>
  );
}
