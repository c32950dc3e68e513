import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The sign-in rules, on the app's own modules and a real SQLite file: one answer for every
 * refusal, the throttle, and OpenID Connect letting in only existing, enabled accounts.
 */
describe("staff sign-in", () => {
  type Modules = {
    auth: typeof import("./auth");
    staff: typeof import("./index");
    audit: typeof import("@/lib/audit");
  };
  let m: Modules;

  beforeAll(async () => {
    Object.assign(process.env, {
      DATA_DIR: mkdtempSync(path.join(tmpdir(), "formgate-auth-")),
      NEXTAUTH_SECRET: "auth-test-secret-".padEnd(40, "x"),
      STAFF_SIGNIN_LIMIT_ACCOUNT: "3/15m",
      STAFF_SIGNIN_LIMIT_ADDRESS: "100/15m",
      STAFF_OIDC_ISSUER: "https://accounts.example",
      STAFF_OIDC_CLIENT_ID: "client",
      STAFF_OIDC_CLIENT_SECRET: "secret",
    });
    delete process.env.DATABASE_URL;
    m = { auth: await import("./auth"), staff: await import("./index"), audit: await import("@/lib/audit") };
    const accounts = await m.staff.getStaffAccounts();
    await accounts.create({ email: "ana@club.example", role: "admin", password: "ana's long password" });
    const bob = await accounts.create({ email: "bob@club.example", role: "staff", password: "bob's long password" });
    await accounts.setDisabled(bob.id, true);
    await accounts.create({ email: "oidc@club.example", role: "staff" });
  });
  afterAll(async () => {
    const { getDb } = await import("@/lib/db");
    await (await getDb()).close();
  });

  it("signs in with the right password and says nothing else for a wrong one, an unknown or a disabled account", async () => {
    const user = await m.auth.signInWithPassword("ANA@club.example", "ana's long password", "192.0.2.1");
    expect(user).toMatchObject({ email: "ana@club.example", sv: 0 });
    expect(await m.auth.signInWithPassword("ana@club.example", "wrong password", "192.0.2.1")).toBeNull();
    expect(await m.auth.signInWithPassword("nobody@club.example", "any password", "192.0.2.1")).toBeNull();
    expect(await m.auth.signInWithPassword("bob@club.example", "bob's long password", "192.0.2.1")).toBeNull();
    // An account made for OpenID Connect has no password to sign in with.
    expect(await m.auth.signInWithPassword("oidc@club.example", "", "192.0.2.1")).toBeNull();
    const failed = await (await m.audit.getAudit()).list({ action: "sign_in_failed" });
    expect(failed.map((entry) => entry.details?.reason).sort()).toEqual(["disabled", "unknown account", "wrong password", "wrong password"]);
  });

  it("throttles an account name after its failures, the right password included, known or not", async () => {
    await (await m.staff.getStaffAccounts()).create({ email: "cara@club.example", role: "staff", password: "cara's long password" });
    for (const name of ["cara@club.example", "ghost@club.example"]) {
      for (let i = 0; i < 3; i++) expect(await m.auth.signInWithPassword(name, "wrong password", `198.51.100.${i}`)).toBeNull();
      await expect(m.auth.signInWithPassword(name, name === "cara@club.example" ? "cara's long password" : "x", "198.51.100.99")).rejects.toThrow(m.auth.SIGN_IN_THROTTLED);
    }
  });

  it("offers OpenID Connect from the environment, and lets in only an existing, enabled account", async () => {
    const options = m.auth.authOptions();
    expect(options.providers.map((provider) => provider.id)).toEqual(["credentials", "oidc"]);
    expect(options.providers[1]).toMatchObject({ wellKnown: "https://accounts.example/.well-known/openid-configuration", checks: ["pkce", "state"] });
    const signIn = options.callbacks!.signIn!;
    const oidc = { provider: "oidc", type: "oauth", providerAccountId: "sub-1" } as const;
    expect(await signIn({ user: { id: "sub-1", email: "oidc@club.example" }, account: oidc })).toBe(true);
    expect(await signIn({ user: { id: "sub-2", email: "stranger@elsewhere.example" }, account: oidc })).toBe(false);
    expect(await signIn({ user: { id: "sub-3", email: "bob@club.example" }, account: oidc })).toBe(false);
    expect(await signIn({ user: { id: "sub-4", email: null }, account: oidc })).toBe(false);
    // The email from the ID token, else from UserInfo (e2e/staff-oidc.spec.ts signs in through a real provider that way).
    const { request } = (options.providers[1] as unknown as { userinfo: { request: (context: unknown) => Promise<Record<string, unknown>> } }).userinfo;
    const asked: unknown[] = [];
    const client = { userinfo: async (tokens: unknown) => (asked.push(tokens), { sub: "sub-1", email: "oidc@club.example", email_verified: true }) };
    expect(await request({ tokens: { claims: () => ({ sub: "sub-1", email: "id@club.example" }) }, client })).toEqual({ sub: "sub-1", email: "id@club.example" });
    expect(asked).toHaveLength(0);
    expect(await request({ tokens: { claims: () => ({ sub: "sub-1" }) }, client })).toEqual({ sub: "sub-1", email: "oidc@club.example", email_verified: true });
    expect(asked).toHaveLength(1);
    const row = await (await m.staff.getStaffAccounts()).byEmail("oidc@club.example");
    const token = await options.callbacks!.jwt!({ token: {}, user: { id: "sub-1", email: "oidc@club.example" }, account: oidc });
    expect(token).toMatchObject({ sub: row!.id, sv: row!.session_version });
  });
});
