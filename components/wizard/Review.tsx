"use client";

import type { Translate } from "@/lib/i18n";
import type { ReviewRow } from "./reviewRows";

interface Props {
  t: Translate;
  rows: ReviewRow[];
  onChange: (row: ReviewRow) => void;
}

/** "Check your answers": a GOV.UK summary list with a Change button per answer. */
export default function Review({ t, rows, onChange }: Props) {
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
