"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { staffCall } from "../../_console/api";
import { consoleText } from "../../_console/texts";

/** The admins' actions on a submission, offered where its state allows them. */
export default function Actions({ submissionId, status, erased, locale }: { submissionId: string; status: string; erased: boolean; locale: string }) {
  const t = consoleText(locale);
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  async function act(action: "retry" | "replay" | "erase", done: string) {
    if (action === "erase" && !window.confirm(t("eraseConfirm"))) return;
    try {
      const { outcome } = await staffCall<{ outcome?: string }>(`/api/staff/submissions/${encodeURIComponent(submissionId)}/${action}`);
      setMessage({ text: outcome ? t("theAttempt", { done, outcome: t.named("outcome", outcome) }) : done });
      router.refresh();
    } catch (caught) {
      setMessage({ text: (caught as Error).message, error: true });
    }
  }
  return (
    <section aria-labelledby="admin-actions">
      <h2 id="admin-actions">{t("adminActions")}</h2>
      <p className="fg-staff-actions">
        {status === "received" && (
          <button type="button" className="fg-button" onClick={() => void act("retry", t("triedAgain"))}>{t("retryNow")}</button>
        )}
        {status === "failed" && !erased && (
          <button type="button" className="fg-button" onClick={() => void act("replay", t("sentAgain"))}>{t("replay")}</button>
        )}
        {status !== "received" && !erased && (
          <button type="button" className="fg-button fg-button-warning" onClick={() => void act("erase", t("answersErased"))}>{t("eraseAnswers")}</button>
        )}
      </p>
      {message && <p role={message.error ? "alert" : "status"} className={message.error ? "fg-staff-error" : undefined}>{message.text}</p>}
    </section>
  );
}
