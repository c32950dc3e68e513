"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { staffCall } from "../../_console/api";

/** The admins' actions on a submission, offered where its state allows them. */
export default function Actions({ submissionId, status, erased }: { submissionId: string; status: string; erased: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const OUTCOME: Record<string, string> = {
    delivered: "delivered",
    retry: "not through yet; it will be tried again",
    rejected: "refused by the vendor",
    failed: "failed; it is dead-lettered",
  };
  async function act(action: "retry" | "replay" | "erase", done: string) {
    if (action === "erase" && !window.confirm("Erase this person's answers? Only the id, form, status and reference are kept.")) return;
    try {
      const { outcome } = await staffCall<{ outcome?: string }>(`/api/staff/submissions/${encodeURIComponent(submissionId)}/${action}`);
      setMessage({ text: outcome ? `${done} The attempt: ${OUTCOME[outcome] ?? outcome}.` : done });
      router.refresh();
    } catch (caught) {
      setMessage({ text: (caught as Error).message, error: true });
    }
  }
  return (
    <section aria-labelledby="admin-actions">
      <h2 id="admin-actions">Admin actions</h2>
      <p className="fg-staff-actions">
        {status === "received" && (
          <button type="button" className="fg-button" onClick={() => void act("retry", "Tried again now.")}>Retry now</button>
        )}
        {status === "failed" && !erased && (
          <button type="button" className="fg-button" onClick={() => void act("replay", "Sent again.")}>Replay</button>
        )}
        {status !== "received" && !erased && (
          <button type="button" className="fg-button fg-button-warning" onClick={() => void act("erase", "The answers are erased.")}>Erase the answers</button>
        )}
      </p>
      {message && <p role={message.error ? "alert" : "status"} className={message.error ? "fg-staff-error" : undefined}>{message.text}</p>}
    </section>
  );
}
