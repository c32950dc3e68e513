// RJSF's templates that the demo forms never render (the theme replaces most): one module loaded on first use (rjsf-registry.tsx).
export { default as BaseInputTemplate } from "@rjsf/core/lib/components/templates/BaseInputTemplate.js";
export { default as CyclicSchemaExpandTemplate } from "@rjsf/core/lib/components/templates/CyclicSchemaExpandTemplate.js";
export { default as DescriptionFieldTemplate } from "@rjsf/core/lib/components/templates/DescriptionField.js";
export { default as ErrorListTemplate } from "@rjsf/core/lib/components/templates/ErrorList.js";
export { default as FallbackFieldTemplate } from "@rjsf/core/lib/components/templates/FallbackFieldTemplate.js";
export { default as FieldTemplate } from "@rjsf/core/lib/components/templates/FieldTemplate/index.js";
export { default as FieldErrorTemplate } from "@rjsf/core/lib/components/templates/FieldErrorTemplate.js";
export { default as GridTemplate } from "@rjsf/core/lib/components/templates/GridTemplate.js";
export { default as MultiSchemaFieldTemplate } from "@rjsf/core/lib/components/templates/MultiSchemaFieldTemplate.js";
export { default as ObjectFieldTemplate } from "@rjsf/core/lib/components/templates/ObjectFieldTemplate.js";
export { default as OptionalDataControlsTemplate } from "@rjsf/core/lib/components/templates/OptionalDataControlsTemplate.js";
export { default as UnsupportedFieldTemplate } from "@rjsf/core/lib/components/templates/UnsupportedField.js";
export { default as WrapIfAdditionalTemplate } from "@rjsf/core/lib/components/templates/WrapIfAdditionalTemplate.js";
