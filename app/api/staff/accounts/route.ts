import { readJson } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { staffRoute } from "@/lib/http/staff";
import { newAccount } from "@/lib/http/staff-schemas";
import { addAccount, listAccounts } from "@/lib/staff/manage";

/** Staff accounts (admins only): the list, and a new account. */
export const GET = staffRoute("admin", async () => json({ accounts: await listAccounts() }));

export const POST = staffRoute("admin", async (request: Request, _context: unknown, { staff, t, common }) => {
  const input = await readJson(request, newAccount, common);
  return json({ account: await addAccount(input, staff, t) }, { status: 201 });
});
