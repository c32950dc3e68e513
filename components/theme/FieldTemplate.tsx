import type { FieldTemplateProps } from "@rjsf/utils";
import { getUiOptions } from "@rjsf/utils";

export function RequiredMarker({ required }: { required?: boolean }) {
  return required ? (
    <span className="fg-required" aria-hidden="true">
      {" *"}
    </span>
  ) : null;
}

/** Fields whose widget renders several inputs: labelled by a fieldset legend, not a <label for>. */
function isGroup(props: FieldTemplateProps): boolean {
  const widget = getUiOptions(props.uiSchema).widget;
  return widget === "radio" || widget === "checkboxes";
}

/**
 * One field row in GOV.UK order: label, hint, error message, input. Objects render
 * their own fieldset (ObjectFieldTemplate) and checkboxes their own label.
 */
export default function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, errors, help, description, hidden, required, displayLabel, rawErrors, schema, classNames } = props;
  if (hidden) return <div hidden>{children}</div>;
  const hasErrors = Boolean(rawErrors && rawErrors.length > 0);
  const isObject = schema.type === "object";
  const className = ["fg-field", hasErrors && !isObject ? "fg-field--error" : "", classNames ?? ""].join(" ").trim();

  if (isObject) return <div className="fg-object">{children}</div>;

  if (isGroup(props)) {
    return (
      <div className={className}>
        <fieldset className="fg-fieldset" aria-describedby={hasErrors ? `${id}__error` : undefined}>
          <legend className="fg-label">
            {label}
            <RequiredMarker required={required} />
          </legend>
          {description}
          {errors}
          {children}
          {help}
        </fieldset>
      </div>
    );
  }

  return (
    <div className={className}>
      {displayLabel && (
        <label htmlFor={id} className="fg-label">
          {label}
          <RequiredMarker required={required} />
        </label>
      )}
      {displayLabel && description}
      {errors}
      {children}
      {help}
    </div>
  );
}
