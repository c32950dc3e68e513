import { describe, expect, it } from "vitest";
import { localFetch } from "./local-fetch";

describe("localFetch", () => {
  it("answers the app's own sandbox in process, through its handle()", async () => {
    const seen: string[] = [];
    const sandbox = { defaultSecrets: {}, handle: async (request: Request, path: string) => (seen.push(`${request.method} ${path}`), Response.json({ ok: true })) };
    const fetcher = localFetch("http://127.0.0.1:9", (vendor) => (vendor === "procurios" ? sandbox : undefined));
    const answer = await fetcher("http://127.0.0.1:9/sandbox/procurios/l/profile_api/isusernameavailable/a%2Fb", { method: "GET" });
    expect(await answer.json()).toEqual({ ok: true });
    expect(seen).toEqual(["GET /l/profile_api/isusernameavailable/a%2Fb"]);
    // Anything else goes over the network (nothing listens on port 9).
    await expect(fetcher("http://127.0.0.1:9/sandbox/unknown/x")).rejects.toThrow();
  });
});
