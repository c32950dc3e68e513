import type { ObjectFieldTemplateProps } from "@rjsf/utils";

/**
 * Just the fields: the page heading titles the root object, and FieldTemplate
 * wraps a nested object (an address) in a fieldset with its legend and errors.
 */
export default function ObjectFieldTemplate({ properties, fieldPathId }: ObjectFieldTemplateProps) {
  const content = properties.map((property) => property.content);
  return fieldPathId.$id === "root" ? <>{content}</> : <div className="fg-object__fields">{content}</div>;
}
