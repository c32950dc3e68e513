import Notice from "@/components/wizard/Notice";
import { appLocale } from "@/app/_form/language";
import { translator } from "@/lib/i18n";

/** Any page path nothing answers (and a path with broken percent-encoding, see proxy.ts). */
export default async function NotFound() {
  const t = translator(await appLocale());
  return (
    <main className="fg-main" id="main">
      <Notice title={t("pageNotFoundTitle")} body={t("pageNotFoundBody")} />
    </main>
  );
}
