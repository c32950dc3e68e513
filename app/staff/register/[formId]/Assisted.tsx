"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import type { Attestation } from "@/components/wizard/submissionApi";
import { clearDraft } from "@/components/wizard/draft";
import type { WizardEvent } from "@/components/wizard/events";
import Wizard from "@/components/wizard/Wizard";
import type { PageModel } from "@/lib/forms/page-model";
import type { FormDefinition } from "@/lib/forms/types";
import type { Messages } from "@/lib/i18n";
import { consoleText, rich } from "../../_console/texts";

interface Props {
  definition: FormDefinition;
  pageModel: PageModel;
  validatorsUrl: string;
  messages: Messages;
  /** The console's language, said on its parts (`lang`): the page and its wizard speak the form's own. */
  locale: string;
  /**
   * The switch to the person's language (rendered on the server: no module more in the browser's
   * graph), shown before the attestation: a reload after it would ask for the attestation again.
   */
  languages: ReactNode;
}

/**
 * First the attestation (required): who agreed to the terms and the privacy notice,
 * and how. Then the form's own wizard, which sends the attestation with the submit.
 * Once sent, what to tell the person, the password in particular (never shown here).
 */
export default function Assisted({ definition, pageModel, validatorsUrl, messages, locale, languages }: Props) {
  const t = consoleText(locale);
  const [attestation, setAttestation] = useState<Attestation>();
  const [submitted, setSubmitted] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const generated = (definition.generated ?? []).length > 0;

  function attest(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const person = String(data.get("person") ?? "").trim();
    const how = data.get("how");
    if (!person || (how !== "in_person" && how !== "phone") || data.get("agreed") !== "yes") {
      setProblem(t("consentProblem"));
      return;
    }
    setProblem(undefined);
    // A new person: never the answers someone left half-way in this tab before.
    clearDraft(definition.id);
    setAttestation({ person, how });
  }

  const onEvent = (event: WizardEvent) => {
    if (event.type === "submitted" && typeof event.detail.submissionId === "string") setSubmitted(event.detail.submissionId);
  };

  if (!attestation) {
    return (
      <>
        {languages}
        <form className="fg-staff-form" onSubmit={attest} noValidate aria-labelledby="attest-title" lang={locale}>
          <h1 className="fg-heading" id="attest-title">
            {t("consentTitle", { form: definition.title })}
          </h1>
          <p>{t("consentIntro")}</p>
          {problem && <p className="fg-staff-error" role="alert">{problem}</p>}
          <label htmlFor="person">{t("personName")}</label>
          <input id="person" name="person" autoComplete="off" required />
          <fieldset>
            <legend>{t("howAgreed")}</legend>
            <label>
              <input type="radio" name="how" value="in_person" defaultChecked /> {t("atTheDesk")}
            </label>
            <label>
              <input type="radio" name="how" value="phone" /> {t("onThePhone")}
            </label>
          </fieldset>
          <label>
            <input type="checkbox" name="agreed" value="yes" required /> {t("personAgreed")}
          </label>
          <button type="submit" className="fg-button">{t("continueToForm")}</button>
        </form>
      </>
    );
  }

  return (
    <>
      <p className="fg-staff-notice" data-attestation lang={locale}>
        {rich(t("registering"), { person: (person) => <strong>{person}</strong> }, { person: attestation.person, how: t(attestation.how === "phone" ? "byPhone" : "inPerson") })}
        {generated && ` ${t("passwordMadeByServer")}`}
      </p>
      <Wizard definition={definition} messages={messages} pageModel={pageModel} validatorsUrl={validatorsUrl} attestation={attestation} onEvent={onEvent} />
      {submitted && (
        <section className="fg-staff-notice" aria-labelledby="tell-them" data-submission={submitted} lang={locale}>
          <h2 id="tell-them">{t("tellThemTitle", { person: attestation.person })}</h2>
          <p>{t(generated ? "tellThemPassword" : "tellThemReceived")}</p>
          <p>{rich(t("followDelivery"), { submission: (id) => <a href={`/staff/submissions/${submitted}`}>{id}</a> }, { id: submitted })}</p>
        </section>
      )}
    </>
  );
}
