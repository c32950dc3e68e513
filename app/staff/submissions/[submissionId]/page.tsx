import { isAppError } from "@/lib/errors";
import { notFound } from "next/navigation";
import { staffTranslator } from "@/lib/i18n/staff";
import { submissionDetail } from "@/lib/staff/submissions";
import Nav from "../../_console/Nav";
import { requireStaffPage } from "../../_console/guard";
import Actions from "./Actions";
import Answers from "./Answers";

interface Props {
  params: Promise<{ submissionId: string }>;
}

/** One submission: state, who assisted, the delivery timeline, the answers masked until revealed. */
export default async function SubmissionPage({ params }: Props) {
  const staff = await requireStaffPage("staff", `/staff/submissions/${encodeURIComponent((await params).submissionId)}`);
  const { submissionId } = await params;
  const detail = await submissionDetail(submissionId, staffTranslator({})).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const rows: Array<[string, string | number | null]> = [
    ["Form", detail.formId],
    ["Status", detail.status],
    ["Reference", detail.reference],
    ["Attempts", detail.attempts],
    ["Last error", detail.lastError],
    ["Next attempt", detail.nextAttemptAt],
    ["Received", detail.createdAt],
    ["Delivered", detail.deliveredAt],
    ["Answers erased", detail.erasedAt],
    ["Assisted by", detail.assisted ? `${detail.assisted.by} (${detail.assisted.how === "phone" ? "by phone" : "in person"})` : "no: sent by the person"],
  ];
  return (
    <main className="fg-main fg-staff-main" id="main">
      <Nav staff={staff} />
      <h1 className="fg-heading">Submission {detail.id}</h1>
      <dl className="fg-staff-facts">
        {rows
          .filter(([, value]) => value !== null && value !== "")
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd data-fact={label}>{value}</dd>
            </div>
          ))}
      </dl>
      <h2>Delivery timeline</h2>
      {detail.timeline.length === 0 ? (
        <p>No delivery attempt is recorded yet.</p>
      ) : (
        <ol className="fg-staff-timeline">
          {detail.timeline.map((entry) => (
            <li key={`${entry.attempt}-${entry.at}`}>
              <time dateTime={entry.at}>{entry.at.replace("T", " ").slice(0, 19)}</time> attempt {entry.attempt}: <strong>{entry.outcome}</strong>
              {entry.detail ? ` — ${entry.detail}` : ""}
            </li>
          ))}
        </ol>
      )}
      {detail.fieldsRefused.length > 0 && <p>The vendor refused: {detail.fieldsRefused.join(", ")} (reveal to see its messages).</p>}
      <h2>Answers</h2>
      <Answers submissionId={detail.id} masked={detail.answers} labels={detail.labels} attestation={detail.attestation} />
      {staff.role === "admin" && <Actions submissionId={detail.id} status={detail.status} erased={detail.erasedAt !== null} />}
    </main>
  );
}
