// RJSF's arrays and buttons, which the demo forms never render: one module loaded on first use (rjsf-registry.tsx).
export { default as ArrayField } from "@rjsf/core/lib/components/fields/ArrayField.js";
export { default as ArrayFieldDescriptionTemplate } from "@rjsf/core/lib/components/templates/ArrayFieldDescriptionTemplate.js";
export { default as ArrayFieldItemTemplate } from "@rjsf/core/lib/components/templates/ArrayFieldItemTemplate.js";
export { default as ArrayFieldItemButtonsTemplate } from "@rjsf/core/lib/components/templates/ArrayFieldItemButtonsTemplate.js";
export { default as ArrayFieldTemplate } from "@rjsf/core/lib/components/templates/ArrayFieldTemplate.js";
export { default as ArrayFieldTitleTemplate } from "@rjsf/core/lib/components/templates/ArrayFieldTitleTemplate.js";
export { default as AddButton } from "@rjsf/core/lib/components/templates/ButtonTemplates/AddButton.js";
export { default as SubmitButton } from "@rjsf/core/lib/components/templates/ButtonTemplates/SubmitButton.js";
export { ClearButton, CopyButton, MoveDownButton, MoveUpButton, RemoveButton } from "@rjsf/core/lib/components/templates/ButtonTemplates/IconButton.js";
