import Link from "next/link";
import { loadConfig } from "@/lib/config/forms";
import { translator } from "@/lib/i18n";

export const dynamic = "force-dynamic";

/** A plain index of the configured forms. */
export default function HomePage() {
  const t = translator(undefined);
  const { forms } = loadConfig();
  return (
    <main className="fg-main" id="main">
      <h1 className="fg-heading">{t("formsTitle")}</h1>
      <p className="fg-lead">{t("formsIntro")}</p>
      <ul className="fg-form-list">
        {forms.map((form) => (
          <li key={form.id}>
            <Link href={`/register/${encodeURIComponent(form.id)}`} lang={form.locale}>
              {form.title}
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
