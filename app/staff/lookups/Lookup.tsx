"use client";

import { useState, type FormEvent } from "react";
import type { LookupResult } from "@/lib/connectors/types";
import type { LookupForm } from "@/lib/staff/lookups";
import { consoleText } from "../_console/texts";

type Answer = { outcome: "found"; result: LookupResult } | { outcome: "not_found" } | { outcome: "error"; message: string };

function Fields({ fields }: { fields: LookupResult["fields"] }) {
  return (
    <dl className="fg-staff-facts">
      {Object.entries(fields).map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value === null ? "" : String(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export default function Lookup({ forms, locale }: { forms: LookupForm[]; locale: string }) {
  const t = consoleText(locale);
  const [formId, setFormId] = useState(forms[0].id);
  const [answer, setAnswer] = useState<Answer>();
  const [busy, setBusy] = useState(false);
  const form = forms.find((candidate) => candidate.id === formId) ?? forms[0];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const key = String(new FormData(event.currentTarget).get("key") ?? "");
    setBusy(true);
    setAnswer(undefined);
    try {
      const response = await fetch(`/api/staff/lookups/${encodeURIComponent(form.id)}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ key }),
      });
      const body = (await response.json().catch(() => ({}))) as Partial<Answer> & { error?: string };
      setAnswer(body.outcome ? (body as Answer) : { outcome: "error", message: body.error ?? t("serverAnswered", { status: response.status }) });
    } catch {
      setAnswer({ outcome: "error", message: t("appUnreachable") });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form className="fg-staff-form" onSubmit={submit}>
        <label htmlFor="lookup-form">{t("fieldForm")}</label>
        <select id="lookup-form" value={formId} onChange={(event) => (setFormId(event.target.value), setAnswer(undefined))}>
          {forms.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.title} ({candidate.id})
            </option>
          ))}
        </select>
        <label htmlFor="lookup-key">{t(`key_${form.lookupBy}`)}</label>
        <input id="lookup-key" name="key" type={form.lookupBy === "email" ? "email" : "text"} required autoComplete="off" />
        <button type="submit" className="fg-button" disabled={busy}>{t("lookUp")}</button>
      </form>
      <section aria-live="polite" data-lookup={answer?.outcome ?? "none"}>
        {answer?.outcome === "not_found" && <p>{t("lookupNotFound")}</p>}
        {answer?.outcome === "error" && <p className="fg-staff-error" role="alert">{answer.message}</p>}
        {answer?.outcome === "found" && (
          <>
            <h2>
              {answer.result.maybeUnknown
                ? t("maybeUnknown", { status: answer.result.status ?? t("notFinished") })
                : answer.result.status ? t("foundStatus", { status: answer.result.status }) : t("found")}
            </h2>
            <Fields fields={answer.result.fields} />
            {answer.result.matches?.map((match) => (
              <section key={match.label}>
                <h3>{match.label}</h3>
                <Fields fields={match.fields} />
              </section>
            ))}
          </>
        )}
      </section>
    </>
  );
}
