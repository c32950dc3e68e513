import type { Metadata } from "next";
import type { ReactNode } from "react";
import { consoleTexts } from "./_console/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await consoleTexts();
  return { title: { default: t("consoleTitle"), template: t("consoleTitleTemplate") }, robots: { index: false } };
}

export default function StaffLayout({ children }: { children: ReactNode }) {
  return <div className="fg-staff">{children}</div>;
}
