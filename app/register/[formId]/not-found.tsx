import Notice from "@/components/wizard/Notice";
import { appLocale } from "@/app/_form/language";
import { translator } from "@/lib/i18n";

export default async function FormNotFound() {
  const t = translator(await appLocale());
  return (
    <main className="fg-main" id="main">
      <Notice title={t("formNotFoundTitle")} body={t("formNotFoundBody")} />
    </main>
  );
}
