import type { Metadata } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = { title: { default: "Staff console", template: "%s – staff console" }, robots: { index: false } };

export default function StaffLayout({ children }: { children: ReactNode }) {
  return <div className="fg-staff">{children}</div>;
}
