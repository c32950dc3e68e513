"use client";

import { useState } from "react";
import { staffCall } from "../../_console/api";

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
export default function Answers({ submissionId, masked, labels, attestation }: { submissionId: string; masked: unknown; labels: Record<string, string>; attestation: { how: string } | null }) {
  const [revealed, setRevealed] = useState<Revealed>();
  const [error, setError] = useState<string>();
  if (masked === null) return <p>The answers are no longer kept (erased on request, or past the retention period).</p>;
  async function reveal() {
    try {
      setRevealed(await staffCall<Revealed>(`/api/staff/submissions/${encodeURIComponent(submissionId)}/reveal`));
    } catch (caught) {
      setError((caught as Error).message);
    }
  }
  return (
    <section aria-label={revealed ? "Answers, revealed" : "Answers, masked"} data-answers={revealed ? "revealed" : "masked"}>
      <Tree value={revealed ? revealed.answers : masked} labels={labels} />
      {revealed?.attestation && (
        <p>
          Attestation: {revealed.attestation.text} ({revealed.attestation.how === "phone" ? "by phone" : "in person"})
        </p>
      )}
      {!revealed && attestation && <p>An attestation of consent is stored ({attestation.how === "phone" ? "by phone" : "in person"}).</p>}
      {revealed?.fieldErrors && <Tree value={{ "The vendor refused": revealed.fieldErrors }} />}
      {error && <p className="fg-staff-error" role="alert">{error}</p>}
      {!revealed && (
        <button type="button" className="fg-button fg-button-secondary" onClick={() => void reveal()}>
          Reveal the answers (recorded in the audit log)
        </button>
      )}
    </section>
  );
}
