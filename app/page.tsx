import Link from "next/link";
import { loadConfig } from "@/lib/config/forms";
import { appLocale } from "@/app/_form/language";
import { translator } from "@/lib/i18n";
import { textIn } from "@/lib/forms/texts";

export const dynamic = "force-dynamic";

/** A plain index of the configured forms. */
export default async function HomePage() {
  const locale = await appLocale();
  const t = translator(locale);
  const { forms } = loadConfig();
  return (
    <main className="fg-main" id="main">
      <h1 className="fg-heading">{t("formsTitle")}</h1>
      <p className="fg-lead">{t("formsIntro")}</p>
      <ul className="fg-form-list">
        {forms.map((form) => (
          <li key={form.id}>
            <Link href={`/register/${encodeURIComponent(form.id)}`} lang={(form.locales as string[]).includes(locale) ? locale : form.locale}>
              {textIn(form.title, locale, form.locale)}
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
