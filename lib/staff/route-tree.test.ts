import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Every staff page and staff API route, found by walking the route tree: a new one
 * that forgets its guard fails here. Pages must start with requireStaffPage (the
 * sign-in page is the one public page); routes must be made with staffRoute and
 * refuse a request without a session, and the admin ones a staff member's session.
 */
const PUBLIC_PAGES = new Set(["app/staff/sign-in/page.tsx"]);
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;

function walk(dir: string, name: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === name)
    .map((file) => path.join(dir, file).split(path.sep).join("/"))
    .sort();
}

const staffPages = () => walk("app/staff", "page.tsx");
const staffRoutes = () => walk("app/api/staff", "route.ts");

describe("the staff route tree", () => {
  it("finds the console's pages and routes", () => {
    expect(staffPages()).toEqual(expect.arrayContaining(["app/staff/page.tsx", "app/staff/submissions/page.tsx", "app/staff/audit/page.tsx", "app/staff/sign-in/page.tsx"]));
    expect(staffRoutes()).toEqual(expect.arrayContaining(["app/api/staff/submissions/route.ts", "app/api/staff/audit/route.ts"]));
  });

  it.each(staffPages().filter((file) => !PUBLIC_PAGES.has(file)))("%s checks the session and the role before anything else", (file) => {
    const source = readFileSync(file, "utf8");
    expect(source).toMatch(/export default async function \w+\([^)]*\)(: [^{]+)? \{\s*const staff = await requireStaffPage\("(staff|admin)", /);
  });

  describe("API routes", () => {
    let staffCookie: string;
    const request = (file: string, method: string, cookie?: string) =>
      new Request(`http://127.0.0.1:3000/${file.replace(/^app\//, "").replace(/\/route\.ts$/, "")}`, {
        method,
        headers: { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000", "content-type": "application/json", ...(cookie ? { cookie } : {}) },
        ...(method === "GET" || method === "HEAD" ? {} : { body: "{}" }),
      });
    const context = { params: Promise.resolve({ submissionId: "none", action: "reveal", accountId: "none", formId: "members" }) };

    beforeAll(async () => {
      process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "formgate-route-tree-"));
      process.env.NEXTAUTH_SECRET = "route-tree-secret-".padEnd(40, "x");
      delete process.env.DATABASE_URL;
      const { getStaffAccounts } = await import("@/lib/staff");
      const { encode } = await import("next-auth/jwt");
      const row = await (await getStaffAccounts()).create({ email: "staff@club.example", role: "staff", password: "a staff password" });
      staffCookie = `next-auth.session-token=${await encode({ token: { sub: row.id, sv: row.session_version }, secret: process.env.NEXTAUTH_SECRET! })}`;
    });
    afterAll(async () => {
      const { getDb } = await import("@/lib/db");
      await (await getDb()).close();
    });

    it.each(staffRoutes())("%s refuses without a session, and checks the role", async (file) => {
      const source = readFileSync(file, "utf8");
      const module = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, (request: Request, context: unknown) => Promise<Response>>;
      const exported = METHODS.filter((method) => typeof module[method] === "function");
      expect(exported.length).toBeGreaterThan(0);
      for (const method of exported) {
        expect(source).toMatch(new RegExp(`export const ${method} = staffRoute\\("(staff|admin)", `));
        const refused = await module[method](request(file, method), context);
        expect(refused.status, `${method} ${file} without a session`).toBe(401);
        const role = new RegExp(`export const ${method} = staffRoute\\("(staff|admin)"`).exec(source)![1];
        const asStaff = await module[method](request(file, method, staffCookie), context);
        if (role === "admin") expect(asStaff.status, `${method} ${file} as staff`).toBe(403);
        else expect(asStaff.status, `${method} ${file} as staff`).not.toBe(401);
      }
    });
  });
});
