import type { FieldTemplateProps } from "@rjsf/utils";
import { errorId, getUiOptions } from "@rjsf/utils";
import { noteId } from "./a11y";
import { wizardContext } from "./context";
import ErrorMessage from "./ErrorMessage";

/**
 * The class of a label or legend. A required one gets a "*" from CSS with empty
 * alternative text, so the accessible name stays the field's title; assistive
 * technology learns "required" from the input's own required attribute.
 */
export function labelClass(base: string, required?: boolean): string {
  return required ? `${base} fg-required` : base;
}

/** Fields whose widget renders several inputs (a date is three): labelled by a fieldset legend, not a <label for>. */
function isGroup(props: FieldTemplateProps): boolean {
  const widget = getUiOptions(props.uiSchema).widget;
  return widget === "radio" || widget === "checkboxes" || (widget === undefined && props.schema.format === "date");
}

/**
 * One field row in GOV.UK order: label, hint, error message, input. A nested
 * object (an address) and a radio group are fieldsets whose legend is the label;
 * a checkbox carries its own label.
 */
export default function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, errors, help, description, hidden, required, displayLabel, rawErrors, schema, classNames } = props;
  if (hidden) return <div hidden>{children}</div>;
  const hasErrors = Boolean(rawErrors && rawErrors.length > 0);
  const isObject = schema.type === "object";
  const className = ["fg-field", hasErrors && !isObject ? "fg-field--error" : "", classNames ?? ""].join(" ").trim();

  if (isObject) {
    if (id === "root") return children;
    return (
      <fieldset id={id} className={hasErrors ? "fg-fieldset fg-object fg-field--error" : "fg-fieldset fg-object"} aria-describedby={hasErrors ? errorId(id) : undefined}>
        <legend className={labelClass("fg-legend", required)}>{label}</legend>
        {description}
        {hasErrors && <ErrorMessage id={errorId(id)} messages={rawErrors!} t={wizardContext(props.registry.formContext).t} />}
        {children}
      </fieldset>
    );
  }

  if (isGroup(props)) {
    return (
      <div className={className}>
        <fieldset className="fg-fieldset" aria-describedby={hasErrors ? errorId(id) : undefined}>
          <legend className={labelClass("fg-label", required)}>{label}</legend>
          {description}
          {errors}
          {children}
          {help}
        </fieldset>
      </div>
    );
  }

  // A checkbox carries its own label beside the box.
  const showLabel = displayLabel && getUiOptions(props.uiSchema).widget !== "checkbox";
  const note = wizardContext(props.registry.formContext).notes?.[id];
  return (
    <div className={className}>
      {showLabel && (
        <label htmlFor={id} className={labelClass("fg-label", required)}>
          {label}
        </label>
      )}
      {showLabel && description}
      {note && (
        <p id={noteId(id)} className="fg-field-note">
          {note}
        </p>
      )}
      {errors}
      {children}
      {help}
    </div>
  );
}
