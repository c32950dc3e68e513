import { withTheme, type ThemeProps } from "@rjsf/core";
import BaseInputTemplate from "./BaseInputTemplate";
import DescriptionField from "./DescriptionField";
import FieldErrorTemplate from "./FieldErrorTemplate";
import FieldTemplate from "./FieldTemplate";
import ObjectFieldTemplate from "./ObjectFieldTemplate";
import CheckboxWidget from "./widgets/CheckboxWidget";
import DateWidget from "./widgets/DateWidget";
import RadioWidget from "./widgets/RadioWidget";
import SelectWidget from "./widgets/SelectWidget";
import TextareaWidget from "./widgets/TextareaWidget";
import UsernameWidget from "./widgets/UsernameWidget";
import EmailWidget from "./widgets/EmailWidget";
import { EMAIL_WIDGET, USERNAME_WIDGET } from "@/lib/forms/widget-names";

export type { EmailStatus, UsernameStatus, WizardFormContext } from "./context";

export { EMAIL_WIDGET, USERNAME_WIDGET };

/** formgate's look: GOV.UK-style templates and accessible widgets, composed as one RJSF theme. */
export const theme: ThemeProps = {
  templates: {
    BaseInputTemplate,
    DescriptionFieldTemplate: DescriptionField,
    FieldErrorTemplate,
    FieldTemplate,
    ObjectFieldTemplate,
  },
  widgets: {
    CheckboxWidget,
    DateWidget,
    RadioWidget,
    SelectWidget,
    TextareaWidget,
    [USERNAME_WIDGET]: UsernameWidget,
    [EMAIL_WIDGET]: EmailWidget,
  },
};

export const ThemedForm = withTheme(theme);
