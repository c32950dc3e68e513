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

type Parts = Record<string, ComponentType<any>>;
/** The parts of one module (lib/bundle/rjsf-later-*.ts), each loaded with the others when a form first renders one. */
function group(load: () => Promise<unknown>) {
  return (name: string) => later(() => load().then((module) => ({ default: (module as Parts)[name] })));
}
// Four modules rather than one per part: each lazily loaded module costs every form page an entry in its chunk table.
const arraysLater = group(() => import("./rjsf-later-arrays"));
const fieldsLater = group(() => import("./rjsf-later-fields"));
const templatesLater = group(() => import("./rjsf-later-templates"));
const widgetsLater = group(() => import("./rjsf-later-widgets"));

const fields = {
  AnyOfField: fieldsLater("MultiSchemaField"),
  ArrayField: arraysLater("ArrayField"),
  BooleanField,
  CyclicSchemaField: fieldsLater("CyclicSchemaField"),
  FallbackField: fieldsLater("FallbackField"),
  LayoutGridField: fieldsLater("LayoutGridField"),
  LayoutHeaderField: fieldsLater("LayoutHeaderField"),
  LayoutMultiSchemaField: fieldsLater("LayoutMultiSchemaField"),
  NumberField,
  ObjectField,
  OneOfField: fieldsLater("MultiSchemaField"),
  OptionalDataControlsField: fieldsLater("OptionalDataControlsField"),
  SchemaField,
  StringField,
  NullField,
};

// Later too: the ones the theme (components/theme) replaces, which RJSF then never renders.
const templates = {
  ArrayFieldDescriptionTemplate: arraysLater("ArrayFieldDescriptionTemplate"),
  ArrayFieldItemTemplate: arraysLater("ArrayFieldItemTemplate"),
  ArrayFieldItemButtonsTemplate: arraysLater("ArrayFieldItemButtonsTemplate"),
  ArrayFieldTemplate: arraysLater("ArrayFieldTemplate"),
  ArrayFieldTitleTemplate: arraysLater("ArrayFieldTitleTemplate"),
  ButtonTemplates: {
    AddButton: arraysLater("AddButton"),
    ClearButton: arraysLater("ClearButton"),
    CopyButton: arraysLater("CopyButton"),
    MoveDownButton: arraysLater("MoveDownButton"),
    MoveUpButton: arraysLater("MoveUpButton"),
    RemoveButton: arraysLater("RemoveButton"),
    SubmitButton: arraysLater("SubmitButton"),
  },
  BaseInputTemplate: templatesLater("BaseInputTemplate"),
  CyclicSchemaExpandTemplate: templatesLater("CyclicSchemaExpandTemplate"),
  DescriptionFieldTemplate: templatesLater("DescriptionFieldTemplate"),
  ErrorListTemplate: templatesLater("ErrorListTemplate"),
  FallbackFieldTemplate: templatesLater("FallbackFieldTemplate"),
  FieldTemplate: templatesLater("FieldTemplate"),
  FieldErrorTemplate: templatesLater("FieldErrorTemplate"),
  FieldHelpTemplate,
  GridTemplate: templatesLater("GridTemplate"),
  MultiSchemaFieldTemplate: templatesLater("MultiSchemaFieldTemplate"),
  ObjectFieldTemplate: templatesLater("ObjectFieldTemplate"),
  OptionalDataControlsTemplate: templatesLater("OptionalDataControlsTemplate"),
  TitleFieldTemplate: TitleField,
  UnsupportedFieldTemplate: templatesLater("UnsupportedFieldTemplate"),
  WrapIfAdditionalTemplate: templatesLater("WrapIfAdditionalTemplate"),
};

const widgets = {
  AltDateWidget: widgetsLater("AltDateWidget"),
  AltDateTimeWidget: widgetsLater("AltDateTimeWidget"),
  CheckboxWidget: widgetsLater("CheckboxWidget"),
  CheckboxesWidget: widgetsLater("CheckboxesWidget"),
  ColorWidget: widgetsLater("ColorWidget"),
  DateWidget,
  DateTimeWidget: widgetsLater("DateTimeWidget"),
  EmailWidget,
  FileWidget: widgetsLater("FileWidget"),
  HiddenWidget,
  PasswordWidget,
  RadioWidget: widgetsLater("RadioWidget"),
  RangeWidget: widgetsLater("RangeWidget"),
  RatingWidget: widgetsLater("RatingWidget"),
  SelectWidget: widgetsLater("SelectWidget"),
  TextWidget,
  TextareaWidget: widgetsLater("TextareaWidget"),
  TimeWidget: widgetsLater("TimeWidget"),
  UpDownWidget: widgetsLater("UpDownWidget"),
  URLWidget: widgetsLater("URLWidget"),
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
