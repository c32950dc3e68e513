"use client";

import type { ValidatorType } from "@rjsf/utils";
import type { JsonSchema } from "@/lib/connectors/types";
import type { FormDefinition } from "@/lib/forms/types";
import type { Translate } from "@/lib/i18n";
import { reviewRows, type ReviewRow } from "./reviewRows";
import type { Answers } from "./schema";

interface Props {
  t: Translate;
  definition: FormDefinition;
  data: Answers;
  pageSchemas: JsonSchema[];
  /** Each page's validator: which of its conditional fields were asked. */
  validators: ValidatorType[];
  onChange: (row: ReviewRow) => void;
}

/** "Check your answers": a GOV.UK summary list with a Change button per answer. Loaded when the review is near (Wizard.tsx). */
export default function Review({ t, definition, data, pageSchemas, validators, onChange }: Props) {
  const rows = reviewRows(definition, data, (page) => pageSchemas[page - 1], (page) => validators[page - 1], t);
  return (
    <>
      <p className="fg-lead">{t("reviewIntro")}</p>
      <dl className="fg-summary-list">
        {rows.map((row) => (
          <div className="fg-summary-list__row" key={row.field}>
            <dt className="fg-summary-list__key">{row.title}</dt>
            <dd className="fg-summary-list__value">
              {row.lines.map((line, index) => (
                <span className="fg-summary-list__line" key={index}>
                  {line}
                </span>
              ))}
            </dd>
            <dd className="fg-summary-list__actions">
              <button type="button" className="fg-link-button" onClick={() => onChange(row)}>
                {t("change")}
                <span className="fg-visually-hidden"> {row.title}</span>
              </button>
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
