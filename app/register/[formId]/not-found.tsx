import Notice from "@/components/wizard/Notice";
import { translator } from "@/lib/i18n";

export default function FormNotFound() {
  const t = translator(undefined);
  return (
    <main className="fg-main" id="main">
      <Notice title={t("formNotFoundTitle")} body={t("formNotFoundBody")} />
    </main>
  );
}
