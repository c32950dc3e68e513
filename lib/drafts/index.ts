import "server-only";
import { AppError } from "@/lib/errors";
import { findForm } from "@/lib/config/forms";
import { getDb } from "@/lib/db";
import { getFormContext } from "@/lib/forms/definition";
import { knownAnswers } from "@/lib/forms/known";
import { omitPaths, passwordPaths } from "@/lib/forms/passwords";
import type { DraftBody } from "@/lib/http/schemas";
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
    /** Keeps only the form's own fields and never a password, whatever the client sent. */
    async save(draft: DraftBody) {
      const { definition } = await getFormContext(formId);
      const passwords = passwordPaths(definition.schema, definition.uiSchema);
      const data = omitPaths(knownAnswers(definition.schema, draft.data), passwords);
      const { retype: asked = [], ...rest } = draft;
      const retype = asked.filter((path) => passwords.includes(path));
      await store.save(formId, token, { ...rest, data, ...(retype.length > 0 ? { retype } : {}) });
    },
    remove: () => store.remove(formId, token),
  };
}
