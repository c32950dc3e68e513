import type { ObjectFieldTemplateProps } from "@rjsf/utils";
import { errorId } from "@rjsf/utils";
import { wizardContext } from "./context";
import { RequiredMarker } from "./FieldTemplate";

/**
 * The page itself (the root object) renders its fields bare — the page heading is
 * its title. A nested object (an address) is a fieldset whose legend is its title
 * and whose own errors ("address: required") sit under the legend.
 */
export default function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { fieldPathId, properties, title, required, errorSchema, registry, description } = props;
  if (fieldPathId.$id === "root") return <>{properties.map((property) => property.content)}</>;

  const own = (errorSchema?.__errors ?? []).filter(Boolean);
  const { t } = wizardContext(registry.formContext);
  const id = errorId(fieldPathId);
  return (
    <fieldset
      id={fieldPathId.$id}
      className={own.length > 0 ? "fg-fieldset fg-field--error" : "fg-fieldset"}
      aria-describedby={own.length > 0 ? id : undefined}
    >
      {title && (
        <legend className="fg-legend">
          {title}
          <RequiredMarker required={required} />
        </legend>
      )}
      {description && <p className="fg-hint">{description}</p>}
      {own.length > 0 && (
        <p id={id} className="fg-error-message">
          {own.map((message, index) => (
            <span key={index} className="fg-error-line">
              <span className="fg-visually-hidden">{t("errorPrefix")} </span>
              {message}
            </span>
          ))}
        </p>
      )}
      {properties.map((property) => property.content)}
    </fieldset>
  );
}
