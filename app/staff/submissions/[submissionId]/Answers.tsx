"use client";

import { useState } from "react";
import { staffCall } from "../../_console/api";
import { consoleText } from "../../_console/texts";

interface Revealed {
  answers: unknown;
  fieldErrors: Record<string, string> | null;
  attestation: { person: string; how: string; text: string } | null;
}

function Tree({ value, labels = {}, path = "" }: { value: unknown; labels?: Record<string, string>; path?: string }) {
  if (value && typeof value === "object") {
    return (
      <dl className="fg-staff-answers">
        {Object.entries(value).map(([key, child]) => {
          const here = path ? `${path}.${key}` : key;
          return (
            <div key={key}>
              <dt>{labels[here] ?? key}</dt>
              <dd>
                <Tree value={child} labels={labels} path={here} />
              </dd>
            </div>
          );
        })}
      </dl>
    );
  }
  return <>{value === undefined || value === null ? "" : String(value)}</>;
}

/** The answers, masked; "Reveal" shows them in clear (the server writes that to the audit log). */
export default function Answers({ submissionId, masked, labels, attestation, locale }: { submissionId: string; masked: unknown; labels: Record<string, string>; attestation: { how: string } | null; locale: string }) {
  const t = consoleText(locale);
  const how = (way: string) => t(way === "phone" ? "byPhone" : "inPerson");
  const [revealed, setRevealed] = useState<Revealed>();
  const [error, setError] = useState<string>();
  if (masked === null) return <p>{t("answersGone")}</p>;
  async function reveal() {
    try {
      setRevealed(await staffCall<Revealed>(`/api/staff/submissions/${encodeURIComponent(submissionId)}/reveal`));
    } catch (caught) {
      setError((caught as Error).message);
    }
  }
  return (
    <section aria-label={revealed ? t("answersRevealed") : t("answersMasked")} data-answers={revealed ? "revealed" : "masked"}>
      <Tree value={revealed ? revealed.answers : masked} labels={labels} />
      {revealed?.attestation && (
        <p>{t("attestationShown", { text: revealed.attestation.text, how: how(revealed.attestation.how) })}</p>
      )}
      {!revealed && attestation && <p>{t("attestationStored", { how: how(attestation.how) })}</p>}
      {revealed?.fieldErrors && <Tree value={{ [t("vendorRefused")]: revealed.fieldErrors }} />}
      {error && <p className="fg-staff-error" role="alert">{error}</p>}
      {!revealed && (
        <button type="button" className="fg-button fg-button-secondary" onClick={() => void reveal()}>
          {t("reveal")}
        </button>
      )}
    </section>
  );
}
