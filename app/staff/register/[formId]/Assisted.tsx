"use client";

import { useState, type FormEvent } from "react";
import type { Attestation } from "@/components/wizard/submissionApi";
import { clearDraft } from "@/components/wizard/draft";
import type { WizardEvent } from "@/components/wizard/events";
import Wizard from "@/components/wizard/Wizard";
import type { PageModel } from "@/lib/forms/page-model";
import type { FormDefinition } from "@/lib/forms/types";
import type { Messages } from "@/lib/i18n";

interface Props {
  definition: FormDefinition;
  pageModel: PageModel;
  validatorsUrl: string;
  messages: Messages;
}

/**
 * First the attestation (required): who agreed to the terms and the privacy notice,
 * and how. Then the form's own wizard, which sends the attestation with the submit.
 * Once sent, what to tell the person, the password in particular (never shown here).
 */
export default function Assisted({ definition, pageModel, validatorsUrl, messages }: Props) {
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
      setProblem("Give the person's name, how they agreed, and confirm that they agreed to the terms and the privacy notice.");
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
      <form className="fg-staff-form" onSubmit={attest} noValidate aria-labelledby="attest-title" lang="en">
        <h1 className="fg-heading" id="attest-title">
          {definition.title}: the person&apos;s consent
        </h1>
        <p>Before you fill in the form for someone, record that they agreed to the terms and the privacy notice.</p>
        {problem && <p className="fg-staff-error" role="alert">{problem}</p>}
        <label htmlFor="person">The person&apos;s name</label>
        <input id="person" name="person" autoComplete="off" required />
        <fieldset>
          <legend>How did they agree?</legend>
          <label>
            <input type="radio" name="how" value="in_person" defaultChecked /> In person, at the desk
          </label>
          <label>
            <input type="radio" name="how" value="phone" /> By phone
          </label>
        </fieldset>
        <label>
          <input type="checkbox" name="agreed" value="yes" required /> The person agreed to the terms and the privacy notice
        </label>
        <button type="submit" className="fg-button">Continue to the form</button>
      </form>
    );
  }

  return (
    <>
      <p className="fg-staff-notice" data-attestation lang="en">
        Registering <strong>{attestation.person}</strong>, who agreed to the terms and the privacy notice {attestation.how === "phone" ? "by phone" : "in person"}.
        {generated && " The form's password is made by the server and never shown."}
      </p>
      <Wizard definition={definition} messages={messages} pageModel={pageModel} validatorsUrl={validatorsUrl} attestation={attestation} onEvent={onEvent} />
      {submitted && (
        <section className="fg-staff-notice" aria-labelledby="tell-them" data-submission={submitted} lang="en">
          <h2 id="tell-them">What to tell {attestation.person}</h2>
          {generated ? (
            <p>
              Their account was made with a password nobody knows, you included. Tell them to choose their own with the &ldquo;forgot password&rdquo; link on the sign-in page, using the email address you gave.
            </p>
          ) : (
            <p>Tell them their registration is received; they will hear from the club.</p>
          )}
          <p>
            Submission <a href={`/staff/submissions/${submitted}`}>{submitted}</a>: follow its delivery there.
          </p>
        </section>
      )}
    </>
  );
}
