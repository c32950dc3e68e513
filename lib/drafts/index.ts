import "server-only";
import { AppError } from "@/lib/errors";
import { findForm } from "@/lib/config/forms";
import { getDb } from "@/lib/db";
import { translator } from "@/lib/i18n";
import { getSealer } from "@/lib/submissions";
import { DRAFT_TOKEN, draftStore } from "./store";

/** The draft store for one configured form and a well-formed token; 404 otherwise. */
export async function draftsFor(formId: string, token: string) {
  const t = translator(findForm(formId)?.locale);
  if (!findForm(formId)) throw new AppError("not_found", t("unknownForm", { formId }));
  if (!DRAFT_TOKEN.test(token)) throw new AppError("not_found", t("unknownDraft"));
  const store = draftStore(await getDb(), getSealer());
  return {
    t,
    load: () => store.load(formId, token),
    save: (draft: unknown) => store.save(formId, token, draft),
    remove: () => store.remove(formId, token),
  };
}
