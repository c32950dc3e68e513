"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import ErrorMessage from "@/components/theme/ErrorMessage";
import type { Translate } from "@/lib/i18n";
import { answerChallenge, fetchSubmissionStatus, type Challenge } from "./submissionApi";
import type { Submission } from "./submission";

interface Props {
  t: Translate;
  formId: string;
  submission: Submission;
  /** The registration went on (delivered, received, rejected, …): the wizard shows its confirmation. */
  onUpdate: (submission: Submission) => void;
}

const CODE = /^\d{4,8}$/;

/** The current time, ticking each second until `until` has passed (for the resend cooldown). */
function useNow(until: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === undefined || now >= until) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(1_000, until - now));
    return () => clearTimeout(timer);
  }, [until, now]);
  return now;
}

/**
 * A registration the vendor holds until the person types the code it sent them
 * ("Enter the code we sent to +35799***834"): the code, a new code after the cooldown,
 * the tries left and the code's expiry. A wrong code is an error on this field; the
 * registration itself stays open until it is complete or has expired.
 */
export default function CodeEntry({ t, formId, submission, onUpdate }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [challenge, setChallenge] = useState<Challenge | undefined>(submission.challenge);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState<"code" | "resend" | null>(null);
  const now = useNow(challenge?.resendAt);
  const fieldId = `${formId}-code`;

  useEffect(() => heading.current?.focus(), []);
  // After a reload the draft holds no challenge: the server says what is asked (or that it is over).
  useEffect(() => {
    if (challenge) return;
    const controller = new AbortController();
    fetchSubmissionStatus(submission.id, controller.signal).then((answer) => {
      if (!answer) return;
      if (answer.status === "awaiting_person" && answer.challenge) setChallenge(answer.challenge);
      else if (answer.status !== "awaiting_person") onUpdate({ id: submission.id, status: answer.status, reference: answer.reference });
    });
    return () => controller.abort();
  }, []);

  const fail = (message: string) => {
    setError(message);
    setNotice(undefined);
    input.current?.focus();
  };

  async function send(code?: string) {
    setBusy(code === undefined ? "resend" : "code");
    const outcome = await answerChallenge(formId, submission.id, code);
    setBusy(null);
    if (outcome.kind === "failed") return fail(outcome.message ?? t("submitFailed"));
    if (outcome.status !== "awaiting_person") return onUpdate({ id: submission.id, status: outcome.status, reference: outcome.reference });
    if (outcome.challenge) setChallenge(outcome.challenge);
    if (outcome.error) return fail(outcome.error);
    if (code === undefined && outcome.challenge) {
      setError(undefined);
      if (input.current) input.current.value = "";
      setNotice(t("codeResent", { destination: outcome.challenge.destination }));
      input.current?.focus();
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const code = (input.current?.value ?? "").replace(/[\s-]/g, "");
    if (!CODE.test(code)) return fail(t(code === "" ? "codeRequired" : "codeFormat"));
    void send(code);
  };

  const waitSeconds = challenge ? Math.ceil((challenge.resendAt - now) / 1000) : 0;
  const time = challenge ? new Intl.DateTimeFormat(t.locale, { hour: "2-digit", minute: "2-digit" }).format(challenge.expiresAt) : "";
  const hintId = `${fieldId}-hint`;
  const errorId = `${fieldId}-error`;

  return (
    <div className="fg-code">
      <h1 className="fg-heading" tabIndex={-1} ref={heading}>
        {t("codeHeading")}
      </h1>
      {challenge && <p className="fg-lead">{t("codeIntro", { destination: challenge.destination })}</p>}
      <div role="status" aria-live="polite">
        {notice && <p className="fg-inset">{notice}</p>}
      </div>
      <form noValidate onSubmit={onSubmit}>
        <div className={error ? "fg-field fg-field--error" : "fg-field"}>
          <label htmlFor={fieldId} className="fg-label">
            {t("codeLabel")}
          </label>
          {challenge && (
            <p id={hintId} className="fg-hint">
              {t("codeExpiry", { time })} {t("codeTries", { tries: challenge.triesLeft })}
            </p>
          )}
          {error && <ErrorMessage id={errorId} messages={[error]} t={t} />}
          <input
            ref={input}
            id={fieldId}
            name="code"
            className="fg-input"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={[challenge ? hintId : "", error ? errorId : ""].filter(Boolean).join(" ") || undefined}
          />
        </div>
        <div className="fg-actions">
          <button type="submit" className="fg-button" disabled={busy !== null}>
            {busy === "code" ? t("checking") : t("codeSubmit")}
          </button>
          <button type="button" className="fg-button fg-button--secondary" disabled={busy !== null || waitSeconds > 0} onClick={() => void send()}>
            {t("codeResend")}
          </button>
        </div>
        {waitSeconds > 0 && <p className="fg-hint">{t("codeResendIn", { seconds: waitSeconds })}</p>}
      </form>
    </div>
  );
}
