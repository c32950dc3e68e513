import { readJson } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { staffRoute } from "@/lib/http/staff";
import { accountChange } from "@/lib/http/staff-schemas";
import { changeAccount } from "@/lib/staff/manage";

type Context = { params: Promise<{ accountId: string }> };

/** Disable, enable, change the role of, or reset the password of an account (admins only). */
export const PATCH = staffRoute("admin", async (request: Request, { params }: Context, { staff, t, common }) => {
  const change = await readJson(request, accountChange, common);
  return json({ account: await changeAccount((await params).accountId, change, staff, t) });
});
