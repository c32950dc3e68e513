import { isAppError } from "@/lib/errors";
import { notFound } from "next/navigation";
import { staffTranslator } from "@/lib/i18n/staff";
import { submissionDetail } from "@/lib/staff/submissions";
import Nav from "../../_console/Nav";
import { consoleTexts, requireStaffPage } from "../../_console/guard";
import type { ConsoleKey } from "../../_console/texts";
import Actions from "./Actions";
import Answers from "./Answers";

interface Props {
  params: Promise<{ submissionId: string }>;
}

/** One submission: state, who assisted, the delivery timeline, the answers masked until revealed. */
export default async function SubmissionPage({ params }: Props) {
  const staff = await requireStaffPage("staff", `/staff/submissions/${encodeURIComponent((await params).submissionId)}`);
  const { submissionId } = await params;
  const t = await consoleTexts();
  const detail = await submissionDetail(submissionId, staffTranslator({ requested: t.locale })).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  // Each fact: its label, its value, and the name it goes by in the page (data-fact), the same in every language.
  const rows: Array<[ConsoleKey, string, string | number | null]> = [
    ["factForm", "Form", detail.formId],
    ["factStatus", "Status", t(`status_${detail.status}`)],
    ["factReference", "Reference", detail.reference],
    ["factAttempts", "Attempts", detail.attempts],
    ["factLastError", "Last error", detail.lastError],
    ["factNextAttempt", "Next attempt", detail.nextAttemptAt],
    ["factReceived", "Received", detail.createdAt],
    ["factDelivered", "Delivered", detail.deliveredAt],
    ["factErased", "Answers erased", detail.erasedAt],
    ["factAssistedBy", "Assisted by", detail.assisted ? t("assistedBy", { who: detail.assisted.by, how: t(detail.assisted.how === "phone" ? "byPhone" : "inPerson") }) : t("notAssisted")],
  ];
  return (
    <main className="fg-main fg-staff-main" id="main">
      <Nav staff={staff} t={t} />
      <h1 className="fg-heading">{t("submissionTitle", { id: detail.id })}</h1>
      <dl className="fg-staff-facts">
        {rows
          .filter(([, , value]) => value !== null && value !== "")
          .map(([label, fact, value]) => (
            <div key={fact}>
              <dt>{t(label)}</dt>
              <dd data-fact={fact}>{value}</dd>
            </div>
          ))}
      </dl>
      <h2>{t("timelineTitle")}</h2>
      {detail.timeline.length === 0 ? (
        <p>{t("noAttempt")}</p>
      ) : (
        <ol className="fg-staff-timeline">
          {detail.timeline.map((entry) => (
            <li key={`${entry.attempt}-${entry.at}`}>
              <time dateTime={entry.at}>{entry.at.replace("T", " ").slice(0, 19)}</time> {t("attempt", { attempt: entry.attempt })} <strong>{t.named("attempt", entry.outcome)}</strong>
              {entry.detail ? ` — ${entry.detail}` : ""}
            </li>
          ))}
        </ol>
      )}
      {detail.fieldsRefused.length > 0 && <p>{t("vendorRefusedFields", { fields: detail.fieldsRefused.join(", ") })}</p>}
      <h2>{t("answersTitle")}</h2>
      <Answers submissionId={detail.id} masked={detail.answers} labels={detail.labels} attestation={detail.attestation} locale={t.locale} />
      {staff.role === "admin" && <Actions submissionId={detail.id} status={detail.status} erased={detail.erasedAt !== null} locale={t.locale} />}
    </main>
  );
}
