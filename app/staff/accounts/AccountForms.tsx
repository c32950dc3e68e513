"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { StaffAccount } from "@/lib/staff/accounts";
import { staffCall } from "../_console/api";
import TableHead from "../_console/TableHead";
import { consoleText } from "../_console/texts";

export default function AccountForms({ accounts, self, locale }: { accounts: StaffAccount[]; self: string; locale: string }) {
  const t = consoleText(locale);
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const run = async (call: () => Promise<unknown>, done: string) => {
    try {
      await call();
      setMessage({ text: done });
      router.refresh();
    } catch (caught) {
      setMessage({ text: (caught as Error).message, error: true });
    }
  };
  const change = (account: StaffAccount, body: Record<string, unknown>, done: string) =>
    run(() => staffCall(`/api/staff/accounts/${account.id}`, { method: "PATCH", body }), done);

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const password = String(data.get("password") ?? "");
    void run(
      () => staffCall("/api/staff/accounts", { body: { email: data.get("email"), name: data.get("name") || undefined, role: data.get("role"), password: password || undefined } }),
      t("accountAdded", { email: String(data.get("email")) }),
    ).then(() => form.reset());
  }

  function reset(account: StaffAccount) {
    const password = window.prompt(t("passwordPrompt", { email: account.email }));
    if (password) void change(account, { change: "reset", password }, t("passwordWasReset", { email: account.email }));
  }

  return (
    <>
      {message && <p role={message.error ? "alert" : "status"} className={message.error ? "fg-staff-error" : undefined}>{message.text}</p>}
      <table className="fg-staff-table">
        <caption>{t("accountsCaption", { count: accounts.length })}</caption>
        <TableHead columns={[t("columnEmail"), t("columnName"), t("columnRole"), t("columnState"), t("columnChange")]} />
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id} data-account={account.email}>
              <td>{account.email}</td>
              <td>{account.name}</td>
              <td>{t(`role_${account.role}`)}</td>
              <td>{account.disabled ? t("accountDisabled") : t("accountActive")}</td>
              <td className="fg-staff-actions">
                {account.id !== self &&
                  (account.disabled ? (
                    <button type="button" onClick={() => void change(account, { change: "enable" }, t("accountEnabled", { email: account.email }))}>{t("enable")}</button>
                  ) : (
                    <button type="button" onClick={() => void change(account, { change: "disable" }, t("accountDisabledDone", { email: account.email }))}>{t("disable")}</button>
                  ))}
                {account.id !== self && (
                  <button type="button" onClick={() => void change(account, { change: "role", role: account.role === "admin" ? "staff" : "admin" }, t("roleChanged", { email: account.email }))}>
                    {t("makeRole", { role: t(account.role === "admin" ? "role_staff" : "role_admin") })}
                  </button>
                )}
                <button type="button" onClick={() => reset(account)}>{t("resetPassword")}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("addAccount")}</h2>
      <form className="fg-staff-form" onSubmit={add}>
        <label htmlFor="new-email">{t("emailAddress")}</label>
        <input id="new-email" name="email" type="email" required />
        <label htmlFor="new-name">{t("name")}</label>
        <input id="new-name" name="name" />
        <label htmlFor="new-role">{t("role")}</label>
        <select id="new-role" name="role" defaultValue="staff">
          <option value="staff">{t("role_staff")}</option>
          <option value="admin">{t("role_admin")}</option>
        </select>
        <label htmlFor="new-password">{t("passwordOptional")}</label>
        <input id="new-password" name="password" type="password" autoComplete="new-password" minLength={12} />
        <button type="submit" className="fg-button">{t("addTheAccount")}</button>
      </form>
    </>
  );
}
