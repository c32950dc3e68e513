"use client";

import type { ErrorSchema, RJSFSchema, UiSchema, ValidatorType } from "@rjsf/utils";
import { englishStringTranslator, TranslatableString } from "@rjsf/utils";
import { useMemo } from "react";
import { ThemedForm, type WizardFormContext } from "@/components/theme";
import type { JsonSchema } from "@/lib/connectors/types";
import type { Answers } from "./schema";

const DEFAULTS = { constAsDefaults: "never", emptyObjectFields: "skipDefaults" } as const;

interface Props {
  schema: JsonSchema;
  /** The page's own validator (see validators.ts). */
  validator: ValidatorType;
  uiSchema: Record<string, unknown>;
  data: Answers;
  errors: ErrorSchema;
  context: WizardFormContext;
  busy: boolean;
  primaryLabel: string;
  onChange: (data: Answers) => void;
  onNext: () => void;
  onBack?: () => void;
}

/**
 * One page of the form. RJSF validates nothing itself here (noValidate): the
 * wizard decides on "Next" and hands every message back as extraErrors, so the
 * browser's and the server's errors show up the same way.
 */
export default function FormPage({ schema, validator, uiSchema, data, errors, context, busy, primaryLabel, onChange, onNext, onBack }: Props) {
  const { t } = context;
  const translateString = useMemo(
    () => (text: TranslatableString, params?: string[]) =>
      text === TranslatableString.YesLabel ? t("yes") : text === TranslatableString.NoLabel ? t("no") : englishStringTranslator(text, params),
    [t],
  );
  return (
    <ThemedForm
      className="fg-form"
      schema={schema as RJSFSchema}
      uiSchema={uiSchema as UiSchema}
      formData={data}
      validator={validator}
      formContext={context}
      extraErrors={errors}
      noValidate
      noHtml5Validate
      showErrorList={false}
      translateString={translateString}
      // A consent box (const: true) must start unticked: ticking it is the person's choice.
      experimental_defaultFormStateBehavior={DEFAULTS}
      onChange={(event) => onChange((event.formData ?? {}) as Answers)}
      onSubmit={() => onNext()}
    >
      <div className="fg-actions">
        <button type="submit" className="fg-button" disabled={busy}>
          {primaryLabel}
        </button>
        {onBack && (
          <button type="button" className="fg-button fg-button--secondary" onClick={onBack}>
            {t("back")}
          </button>
        )}
      </div>
    </ThemedForm>
  );
}
