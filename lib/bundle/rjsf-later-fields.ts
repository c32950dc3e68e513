// RJSF's fields that the demo forms never render (the theme replaces most): one module loaded on first use (rjsf-registry.tsx).
export { default as CyclicSchemaField } from "@rjsf/core/lib/components/fields/CyclicSchemaField.js";
export { default as FallbackField } from "@rjsf/core/lib/components/fields/FallbackField.js";
export { default as LayoutGridField } from "@rjsf/core/lib/components/fields/LayoutGridField.js";
export { default as LayoutHeaderField } from "@rjsf/core/lib/components/fields/LayoutHeaderField.js";
export { default as LayoutMultiSchemaField } from "@rjsf/core/lib/components/fields/LayoutMultiSchemaField.js";
export { default as OptionalDataControlsField } from "@rjsf/core/lib/components/fields/OptionalDataControlsField.js";
// anyOf/oneOf choices (AnyOfField, OneOfField).
export { default as MultiSchemaField } from "@rjsf/core/lib/components/fields/MultiSchemaField.js";
