import { DEFAULT_ID_PREFIX, DEFAULT_ID_SEPARATOR, englishStringTranslator } from "@rjsf/utils";
import { lazy, Suspense, type ComponentType } from "react";
import BooleanField from "@rjsf/core/lib/components/fields/BooleanField.js";
import CyclicSchemaField from "@rjsf/core/lib/components/fields/CyclicSchemaField.js";
import FallbackField from "@rjsf/core/lib/components/fields/FallbackField.js";
import MultiSchemaField from "@rjsf/core/lib/components/fields/MultiSchemaField.js";
import NullField from "@rjsf/core/lib/components/fields/NullField.js";
import NumberField from "@rjsf/core/lib/components/fields/NumberField.js";
import ObjectField from "@rjsf/core/lib/components/fields/ObjectField.js";
import OptionalDataControlsField from "@rjsf/core/lib/components/fields/OptionalDataControlsField.js";
import SchemaField from "@rjsf/core/lib/components/fields/SchemaField.js";
import StringField from "@rjsf/core/lib/components/fields/StringField.js";
import ButtonTemplates from "@rjsf/core/lib/components/templates/ButtonTemplates/index.js";
import CyclicSchemaExpandTemplate from "@rjsf/core/lib/components/templates/CyclicSchemaExpandTemplate.js";
import ErrorList from "@rjsf/core/lib/components/templates/ErrorList.js";
import FallbackFieldTemplate from "@rjsf/core/lib/components/templates/FallbackFieldTemplate.js";
import FieldHelpTemplate from "@rjsf/core/lib/components/templates/FieldHelpTemplate.js";
import MultiSchemaFieldTemplate from "@rjsf/core/lib/components/templates/MultiSchemaFieldTemplate.js";
import OptionalDataControlsTemplate from "@rjsf/core/lib/components/templates/OptionalDataControlsTemplate.js";
import TitleField from "@rjsf/core/lib/components/templates/TitleField.js";
import UnsupportedField from "@rjsf/core/lib/components/templates/UnsupportedField.js";
import WrapIfAdditionalTemplate from "@rjsf/core/lib/components/templates/WrapIfAdditionalTemplate.js";
import ColorWidget from "@rjsf/core/lib/components/widgets/ColorWidget.js";
import DateTimeWidget from "@rjsf/core/lib/components/widgets/DateTimeWidget.js";
import DateWidget from "@rjsf/core/lib/components/widgets/DateWidget.js";
import EmailWidget from "@rjsf/core/lib/components/widgets/EmailWidget.js";
import HiddenWidget from "@rjsf/core/lib/components/widgets/HiddenWidget.js";
import PasswordWidget from "@rjsf/core/lib/components/widgets/PasswordWidget.js";
import RangeWidget from "@rjsf/core/lib/components/widgets/RangeWidget.js";
import TextWidget from "@rjsf/core/lib/components/widgets/TextWidget.js";
import TimeWidget from "@rjsf/core/lib/components/widgets/TimeWidget.js";
import UpDownWidget from "@rjsf/core/lib/components/widgets/UpDownWidget.js";
import URLWidget from "@rjsf/core/lib/components/widgets/URLWidget.js";

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

const fields = {
  AnyOfField: MultiSchemaField,
  ArrayField: later(() => import("@rjsf/core/lib/components/fields/ArrayField.js")),
  BooleanField,
  CyclicSchemaField,
  FallbackField,
  LayoutGridField: later(() => import("@rjsf/core/lib/components/fields/LayoutGridField.js")),
  LayoutHeaderField: later(() => import("@rjsf/core/lib/components/fields/LayoutHeaderField.js")),
  LayoutMultiSchemaField: later(() => import("@rjsf/core/lib/components/fields/LayoutMultiSchemaField.js")),
  NumberField,
  ObjectField,
  OneOfField: MultiSchemaField,
  OptionalDataControlsField,
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
  ButtonTemplates: ButtonTemplates(),
  BaseInputTemplate: later(() => import("@rjsf/core/lib/components/templates/BaseInputTemplate.js")),
  CyclicSchemaExpandTemplate,
  DescriptionFieldTemplate: later(() => import("@rjsf/core/lib/components/templates/DescriptionField.js")),
  ErrorListTemplate: ErrorList,
  FallbackFieldTemplate,
  FieldTemplate: later(() => import("@rjsf/core/lib/components/templates/FieldTemplate/index.js")),
  FieldErrorTemplate: later(() => import("@rjsf/core/lib/components/templates/FieldErrorTemplate.js")),
  FieldHelpTemplate,
  GridTemplate: later(() => import("@rjsf/core/lib/components/templates/GridTemplate.js")),
  MultiSchemaFieldTemplate,
  ObjectFieldTemplate: later(() => import("@rjsf/core/lib/components/templates/ObjectFieldTemplate.js")),
  OptionalDataControlsTemplate,
  TitleFieldTemplate: TitleField,
  UnsupportedFieldTemplate: UnsupportedField,
  WrapIfAdditionalTemplate,
};

const widgets = {
  AltDateWidget: later(() => import("@rjsf/core/lib/components/widgets/AltDateWidget.js")),
  AltDateTimeWidget: later(() => import("@rjsf/core/lib/components/widgets/AltDateTimeWidget.js")),
  CheckboxWidget: later(() => import("@rjsf/core/lib/components/widgets/CheckboxWidget.js")),
  CheckboxesWidget: later(() => import("@rjsf/core/lib/components/widgets/CheckboxesWidget.js")),
  ColorWidget,
  DateWidget,
  DateTimeWidget,
  EmailWidget,
  FileWidget: later(() => import("@rjsf/core/lib/components/widgets/FileWidget.js")),
  HiddenWidget,
  PasswordWidget,
  RadioWidget: later(() => import("@rjsf/core/lib/components/widgets/RadioWidget.js")),
  RangeWidget,
  RatingWidget: later(() => import("@rjsf/core/lib/components/widgets/RatingWidget.js")),
  SelectWidget: later(() => import("@rjsf/core/lib/components/widgets/SelectWidget.js")),
  TextWidget,
  TextareaWidget: later(() => import("@rjsf/core/lib/components/widgets/TextareaWidget.js")),
  TimeWidget,
  UpDownWidget,
  URLWidget,
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
