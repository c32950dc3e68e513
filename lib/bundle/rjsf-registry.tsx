import { DEFAULT_ID_PREFIX, DEFAULT_ID_SEPARATOR, englishStringTranslator } from "@rjsf/utils";
import { lazy, Suspense, type ComponentType } from "react";
import BooleanField from "@rjsf/core/lib/components/fields/BooleanField.js";
import NullField from "@rjsf/core/lib/components/fields/NullField.js";
import NumberField from "@rjsf/core/lib/components/fields/NumberField.js";
import ObjectField from "@rjsf/core/lib/components/fields/ObjectField.js";
import SchemaField from "@rjsf/core/lib/components/fields/SchemaField.js";
import StringField from "@rjsf/core/lib/components/fields/StringField.js";
import FieldHelpTemplate from "@rjsf/core/lib/components/templates/FieldHelpTemplate.js";
import TitleField from "@rjsf/core/lib/components/templates/TitleField.js";
import DateWidget from "@rjsf/core/lib/components/widgets/DateWidget.js";
import EmailWidget from "@rjsf/core/lib/components/widgets/EmailWidget.js";
import HiddenWidget from "@rjsf/core/lib/components/widgets/HiddenWidget.js";
import PasswordWidget from "@rjsf/core/lib/components/widgets/PasswordWidget.js";
import TextWidget from "@rjsf/core/lib/components/widgets/TextWidget.js";

/** A part of RJSF loaded when a form first renders it (arrays, layout grids, files, …). */
function later(load: () => Promise<{ default: ComponentType<any> }>): ComponentType<any> {
  const Lazy = lazy(load);
  return function LaterPart(props) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

// The icon buttons of arrays and extra properties, one module for all.
type IconButtons = typeof import("@rjsf/core/lib/components/templates/ButtonTemplates/IconButton.js");
const iconButton = (name: Exclude<keyof IconButtons, "default">) =>
  later(() => import("@rjsf/core/lib/components/templates/ButtonTemplates/IconButton.js").then((module) => ({ default: module[name] })));

// anyOf/oneOf choices: rare in sign-up forms (a form without them never loads the chooser).
const loadMultiSchemaField = () => import("@rjsf/core/lib/components/fields/MultiSchemaField.js");

const fields = {
  AnyOfField: later(loadMultiSchemaField),
  ArrayField: later(() => import("@rjsf/core/lib/components/fields/ArrayField.js")),
  BooleanField,
  CyclicSchemaField: later(() => import("@rjsf/core/lib/components/fields/CyclicSchemaField.js")),
  FallbackField: later(() => import("@rjsf/core/lib/components/fields/FallbackField.js")),
  LayoutGridField: later(() => import("@rjsf/core/lib/components/fields/LayoutGridField.js")),
  LayoutHeaderField: later(() => import("@rjsf/core/lib/components/fields/LayoutHeaderField.js")),
  LayoutMultiSchemaField: later(() => import("@rjsf/core/lib/components/fields/LayoutMultiSchemaField.js")),
  NumberField,
  ObjectField,
  OneOfField: later(loadMultiSchemaField),
  OptionalDataControlsField: later(() => import("@rjsf/core/lib/components/fields/OptionalDataControlsField.js")),
  SchemaField,
  StringField,
  NullField,
};

// Later too: the ones the theme (components/theme) replaces, which RJSF then never renders.
const templates = {
  ArrayFieldDescriptionTemplate: later(() => import("@rjsf/core/lib/components/templates/ArrayFieldDescriptionTemplate.js")),
  ArrayFieldItemTemplate: later(() => import("@rjsf/core/lib/components/templates/ArrayFieldItemTemplate.js")),
  ArrayFieldItemButtonsTemplate: later(() => import("@rjsf/core/lib/components/templates/ArrayFieldItemButtonsTemplate.js")),
  ArrayFieldTemplate: later(() => import("@rjsf/core/lib/components/templates/ArrayFieldTemplate.js")),
  ArrayFieldTitleTemplate: later(() => import("@rjsf/core/lib/components/templates/ArrayFieldTitleTemplate.js")),
  ButtonTemplates: {
    AddButton: later(() => import("@rjsf/core/lib/components/templates/ButtonTemplates/AddButton.js")),
    ClearButton: iconButton("ClearButton"),
    CopyButton: iconButton("CopyButton"),
    MoveDownButton: iconButton("MoveDownButton"),
    MoveUpButton: iconButton("MoveUpButton"),
    RemoveButton: iconButton("RemoveButton"),
    SubmitButton: later(() => import("@rjsf/core/lib/components/templates/ButtonTemplates/SubmitButton.js")),
  },
  BaseInputTemplate: later(() => import("@rjsf/core/lib/components/templates/BaseInputTemplate.js")),
  CyclicSchemaExpandTemplate: later(() => import("@rjsf/core/lib/components/templates/CyclicSchemaExpandTemplate.js")),
  DescriptionFieldTemplate: later(() => import("@rjsf/core/lib/components/templates/DescriptionField.js")),
  ErrorListTemplate: later(() => import("@rjsf/core/lib/components/templates/ErrorList.js")),
  FallbackFieldTemplate: later(() => import("@rjsf/core/lib/components/templates/FallbackFieldTemplate.js")),
  FieldTemplate: later(() => import("@rjsf/core/lib/components/templates/FieldTemplate/index.js")),
  FieldErrorTemplate: later(() => import("@rjsf/core/lib/components/templates/FieldErrorTemplate.js")),
  FieldHelpTemplate,
  GridTemplate: later(() => import("@rjsf/core/lib/components/templates/GridTemplate.js")),
  MultiSchemaFieldTemplate: later(() => import("@rjsf/core/lib/components/templates/MultiSchemaFieldTemplate.js")),
  ObjectFieldTemplate: later(() => import("@rjsf/core/lib/components/templates/ObjectFieldTemplate.js")),
  OptionalDataControlsTemplate: later(() => import("@rjsf/core/lib/components/templates/OptionalDataControlsTemplate.js")),
  TitleFieldTemplate: TitleField,
  UnsupportedFieldTemplate: later(() => import("@rjsf/core/lib/components/templates/UnsupportedField.js")),
  WrapIfAdditionalTemplate: later(() => import("@rjsf/core/lib/components/templates/WrapIfAdditionalTemplate.js")),
};

const widgets = {
  AltDateWidget: later(() => import("@rjsf/core/lib/components/widgets/AltDateWidget.js")),
  AltDateTimeWidget: later(() => import("@rjsf/core/lib/components/widgets/AltDateTimeWidget.js")),
  CheckboxWidget: later(() => import("@rjsf/core/lib/components/widgets/CheckboxWidget.js")),
  CheckboxesWidget: later(() => import("@rjsf/core/lib/components/widgets/CheckboxesWidget.js")),
  ColorWidget: later(() => import("@rjsf/core/lib/components/widgets/ColorWidget.js")),
  DateWidget,
  DateTimeWidget: later(() => import("@rjsf/core/lib/components/widgets/DateTimeWidget.js")),
  EmailWidget,
  FileWidget: later(() => import("@rjsf/core/lib/components/widgets/FileWidget.js")),
  HiddenWidget,
  PasswordWidget,
  RadioWidget: later(() => import("@rjsf/core/lib/components/widgets/RadioWidget.js")),
  RangeWidget: later(() => import("@rjsf/core/lib/components/widgets/RangeWidget.js")),
  RatingWidget: later(() => import("@rjsf/core/lib/components/widgets/RatingWidget.js")),
  SelectWidget: later(() => import("@rjsf/core/lib/components/widgets/SelectWidget.js")),
  TextWidget,
  TextareaWidget: later(() => import("@rjsf/core/lib/components/widgets/TextareaWidget.js")),
  TimeWidget: later(() => import("@rjsf/core/lib/components/widgets/TimeWidget.js")),
  UpDownWidget: later(() => import("@rjsf/core/lib/components/widgets/UpDownWidget.js")),
  URLWidget: later(() => import("@rjsf/core/lib/components/widgets/URLWidget.js")),
};

/**
 * Stands in for @rjsf/core's getDefaultRegistry (next.config.mjs): the same fields,
 * templates and widgets, but those the demo forms never render are loaded only
 * when a form first renders one, instead of with every form page.
 */
export default function getDefaultRegistry() {
  return {
    fields,
    templates,
    widgets,
    rootSchema: {},
    formContext: {},
    translateString: englishStringTranslator,
    globalFormOptions: { idPrefix: DEFAULT_ID_PREFIX, idSeparator: DEFAULT_ID_SEPARATOR, useFallbackUiForUnsupportedType: false },
  };
}
