import type { WidgetProps } from "@rjsf/utils";
import { errorId } from "@rjsf/utils";
import { useState, type ChangeEvent } from "react";
import { wizardContext } from "../context";
import { joinDate, splitDate, type DateParts } from "./dateParts";

const PARTS = [
  { part: "day", label: "dateDay", width: 2 },
  { part: "month", label: "dateMonth", width: 2 },
  { part: "year", label: "dateYear", width: 4 },
] as const;

export const dateHintId = (id: string) => `${id}__hint`;

/**
 * GOV.UK's date input: day, month and year boxes in the fieldset FieldTemplate draws.
 * Unlike a browser's date picker, nothing typed is ever dropped: 30 February stays
 * on screen and is reported as not a real date. The day box carries the field's id.
 */
export default function DateWidget(props: WidgetProps) {
  const { id, htmlName, value, required, disabled, readonly, autofocus, rawErrors, options, registry, onChange, onBlur, onFocus } = props;
  const { t } = wizardContext(registry.formContext);
  const [typed, setTyped] = useState<DateParts>();
  // What was typed stays as typed ("4", not "04") while it is what the value says.
  const parts = typed && joinDate(typed) === (value ?? undefined) ? typed : splitDate(value);
  const invalid = Boolean(rawErrors && rawErrors.length > 0);
  const describedBy = [invalid ? errorId(id) : undefined, dateHintId(id)].filter(Boolean).join(" ");
  const update = (part: keyof DateParts) => (event: ChangeEvent<HTMLInputElement>) => {
    const next = { ...parts, [part]: event.target.value };
    setTyped(next);
    onChange(joinDate(next));
  };
  return (
    <div className="fg-date-input">
      <p id={dateHintId(id)} className="fg-hint">
        {t("dateHint")}
      </p>
      {PARTS.map(({ part, label, width }) => {
        const inputId = part === "day" ? id : `${id}_${part}`;
        return (
          <div className="fg-date-input__item" key={part}>
            <label htmlFor={inputId} className="fg-date-input__label">
              {t(label)}
            </label>
            <input
              id={inputId}
              name={`${htmlName || id}-${part}`}
              className={`fg-input fg-input--width-${width}`}
              type="text"
              inputMode="numeric"
              value={parts[part]}
              required={required}
              disabled={disabled}
              readOnly={readonly}
              autoFocus={autofocus && part === "day"}
              autoComplete={String(options.autocomplete) === "bday" ? `bday-${part}` : undefined}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              onChange={update(part)}
              onBlur={() => onBlur(id, value)}
              onFocus={() => onFocus(id, value)}
            />
          </div>
        );
      })}
    </div>
  );
}
