"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { StaffAccount } from "@/lib/staff/accounts";
import { staffCall } from "../_console/api";
import TableHead from "../_console/TableHead";

export default function AccountForms({ accounts, self }: { accounts: StaffAccount[]; self: string }) {
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
      `Account ${String(data.get("email"))} added.`,
    ).then(() => form.reset());
  }

  function reset(account: StaffAccount) {
    const password = window.prompt(`New password for ${account.email} (at least 12 characters; tell it to them in person):`);
    if (password) void change(account, { change: "reset", password }, `${account.email}: password reset; their sessions ended.`);
  }

  return (
    <>
      {message && <p role={message.error ? "alert" : "status"} className={message.error ? "fg-staff-error" : undefined}>{message.text}</p>}
      <table className="fg-staff-table">
        <caption>{accounts.length} accounts</caption>
        <TableHead columns={["Email", "Name", "Role", "State", "Change"]} />
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id} data-account={account.email}>
              <td>{account.email}</td>
              <td>{account.name}</td>
              <td>{account.role}</td>
              <td>{account.disabled ? "disabled" : "active"}</td>
              <td className="fg-staff-actions">
                {account.id !== self &&
                  (account.disabled ? (
                    <button type="button" onClick={() => void change(account, { change: "enable" }, `${account.email} enabled.`)}>Enable</button>
                  ) : (
                    <button type="button" onClick={() => void change(account, { change: "disable" }, `${account.email} disabled; their sessions ended.`)}>Disable</button>
                  ))}
                {account.id !== self && (
                  <button type="button" onClick={() => void change(account, { change: "role", role: account.role === "admin" ? "staff" : "admin" }, `${account.email}: role changed.`)}>
                    Make {account.role === "admin" ? "staff" : "admin"}
                  </button>
                )}
                <button type="button" onClick={() => reset(account)}>Reset password</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Add an account</h2>
      <form className="fg-staff-form" onSubmit={add}>
        <label htmlFor="new-email">Email address</label>
        <input id="new-email" name="email" type="email" required />
        <label htmlFor="new-name">Name</label>
        <input id="new-name" name="name" />
        <label htmlFor="new-role">Role</label>
        <select id="new-role" name="role" defaultValue="staff">
          <option value="staff">staff</option>
          <option value="admin">admin</option>
        </select>
        <label htmlFor="new-password">Password (leave empty for an account that signs in through OpenID Connect only)</label>
        <input id="new-password" name="password" type="password" autoComplete="new-password" minLength={12} />
        <button type="submit" className="fg-button">Add the account</button>
      </form>
    </>
  );
}
