import { describe, expect, it } from "vitest";
import { registrationRecord } from "./record";
import { SEED_REGISTRATIONS } from "./sandbox-seed";

describe("a DNL registration as staff see it", () => {
  it("never holds the password, at the top or anywhere below", () => {
    const payload = { ...SEED_REGISTRATIONS[0], ip_address: [{ ip: "199.111.10.107", port: 1234, password: "sip-secret" }], sip: { Password: "nested-secret", user: "u1" } };
    const record = registrationRecord(payload);
    const text = JSON.stringify(record);
    for (const secret of ["Hdphfncu", "sip-secret", "nested-secret"]) expect(text).not.toContain(secret);
    expect(Object.keys(record.fields).filter((name) => /password/i.test(name))).toEqual([]);
    expect(record.fields).toMatchObject({ username: "Lusmql", ip_address: "ip: 199.111.10.107, port: 1234", "sip.user": "u1" });
    expect(record.status).toBe("new");
  });

  it("keeps DNL's order and its nulls, and has no status when DNL gives none", () => {
    const record = registrationRecord({ id: 7, username: "x", password: "p", city: null, status: 3 });
    expect(record).toEqual({ fields: { id: 7, username: "x", city: null, status: 3 } });
  });
});
