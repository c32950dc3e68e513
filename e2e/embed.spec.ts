import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type BrowserContext, chromium, expect, type FrameLocator, type Locator, type Page, test } from "@playwright/test";
import { APP_URL, CHROMIUM, CHROMIUM_ARGS } from "../playwright.config";
import { startApp, stopAll, tempDir, writeFormsConfig } from "./support/app-server";
import { sandboxRegistrations } from "./support/sandbox";
import { startHostServer, type HostServer } from "./support/host-server";
import { DELIVERED, fillAboutYou, fillAccount, fillAddress, goNext, next, summary, uniqueUsername } from "./support/wizard";

// The embed kit as a club's site uses it: a page on another origin (localhost:{port})
// loads /embed.js from the app (127.0.0.1:3100), which makes the iframe.

const LOADER = `${APP_URL}/embed.js`;
let host: HostServer;

test.beforeAll(async () => {
  host = await startHostServer();
});
test.afterAll(async () => {
  await host?.close();
});
test.afterEach(stopAll);

interface Recorded {
  type: string;
  detail: Record<string, unknown>;
  host: string;
}

const events = (page: Page) => page.evaluate(() => (window as unknown as { __events: Recorded[] }).__events);
const types = async (page: Page) => (await events(page)).map((event) => event.type);

/** The iframe's height as embed.js set it, once two readings agree. */
async function settledHeight(iframe: Locator): Promise<number> {
  let last = -1;
  await expect
    .poll(async () => {
      const now = parseFloat(await iframe.evaluate((element: HTMLElement) => element.style.height));
      const settled = now === last;
      last = now;
      return settled;
    }, { intervals: [250] })
    .toBe(true);
  return last;
}

/**
 * Until the mouse, moved over the frame, reaches the frame's own document. The frame runs in
 * a process of its own, and the browser routes a click into it by where the host page last
 * drew it: right after the host's viewport changes, a click can land on the host instead
 * (twice in 47 runs on a loaded machine: the radio clicked did not change).
 */
async function pointerReaches(page: Page, iframe: Locator) {
  const frame = await (await iframe.elementHandle())?.contentFrame();
  if (!frame) throw new Error("the form's frame is not there");
  await frame.evaluate(() => {
    const reached = window as unknown as { __pointer: boolean };
    reached.__pointer = false;
    addEventListener("mousemove", () => (reached.__pointer = true), { once: true });
  });
  const box = await iframe.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error("the form's frame is not drawn");
  // Low in the frame's visible part: what a smaller viewport did not show before.
  const y = Math.min(box.y + box.height, viewport.height) - 10;
  let step = 0;
  await expect
    .poll(async () => {
      step += 1;
      await page.mouse.move(box.x + 10 + (step % 2) * 10, y);
      return frame.evaluate(() => (window as unknown as { __pointer: boolean }).__pointer);
    })
    .toBe(true);
}

const topIsVisible = (iframe: Locator) =>
  iframe.evaluate((element) => {
    const top = element.getBoundingClientRect().top;
    return top >= 0 && top < innerHeight;
  });

async function fillMembership(scope: Page | FrameLocator) {
  await scope.getByLabel("Senior", { exact: true }).check();
  await scope.getByLabel("I accept the terms and conditions").check();
}

/** Pages 2–4 and the review, then Submit. */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function finish(scope: Page | FrameLocator) {
  await fillAboutYou(scope);
  await goNext(scope, "Step 3 of 4");
  await fillAddress(scope);
  await goNext(scope, "Step 4 of 4");
  await fillMembership(scope);
  await next(scope).click();
  await expect(scope.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  await scope.getByRole("button", { name: "Submit" }).click();
  await expect(scope.getByRole("heading", { level: 1 })).toHaveText("Registration complete", DELIVERED);
}

async function sandboxRegistration(username: string) {
  return (await sandboxRegistrations({ username }))[0];
}

test("the members form completes inside the frame: height follows the pages, events arrive in order, prefill and campaign reach the server", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 600 });
  host.page("/join", `<script src="${LOADER}" data-form="members" data-prefill-action_code="123" async></script><div style="height:2000px"></div>`);
  const submits: Record<string, unknown>[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url() === `${APP_URL}/api/forms/members/submit`) submits.push(request.postDataJSON());
  });
  await page.goto(`${host.origin()}/join?utm_source=club-site&utm_medium=web&utm_campaign=spring&unrelated=1`);

  const iframe = page.locator(".formgate-embed > iframe");
  const frame = page.frameLocator(".formgate-embed > iframe");
  await expect(iframe).toHaveAttribute(
    "src",
    new RegExp(
      `^${escapeRegExp(`${APP_URL}/embed/members?origin=${encodeURIComponent(host.origin())}&scheme=light&p.action_code=123&utm_source=club-site&utm_medium=web&utm_campaign=spring`)}&draft=[A-Za-z0-9_-]{32}$`,
    ),
  );
  await expect.poll(() => types(page)).toEqual(["ready"]);
  // Screen readers announce the frame by the form's own title.
  await expect(iframe).toHaveAttribute("title", "Become a member");
  const firstPage = await settledHeight(iframe);
  expect(firstPage).not.toBe(600); // the reserve gave way to the content's own height

  // Next on an empty page: the summary takes focus inside the frame, and the frame grows.
  await next(frame).click();
  await expect(summary(frame)).toBeFocused();
  const withErrors = await settledHeight(iframe);
  expect(withErrors).toBeGreaterThan(firstPage + 100);

  const username = uniqueUsername("embed");
  await fillAccount(frame, username);
  // The Next button at the bottom, the top of the form out of sight: after Next the host scrolls it back.
  await iframe.evaluate((element) => element.scrollIntoView({ block: "end" }));
  expect(await topIsVisible(iframe)).toBe(false);
  await goNext(frame, "Step 2 of 4");
  await expect(frame.getByRole("heading", { level: 1 })).toBeFocused();
  await expect.poll(() => topIsVisible(iframe)).toBe(true);

  // With the top of the form in sight, a page change leaves the host where it is.
  await page.setViewportSize({ width: 1000, height: 1400 });
  await page.evaluate(() => scrollTo(0, 100));
  // Clicks land where the frame is once it stops moving: Playwright sees a field's box in the
  // frame, not the frame's own place on the host page while the host resizes it.
  await settledHeight(iframe);
  await pointerReaches(page, iframe);
  await fillAboutYou(frame);
  expect(await page.evaluate(() => scrollY)).toBe(100);
  await goNext(frame, "Step 3 of 4");
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => scrollY)).toBe(100);

  await fillAddress(frame);
  await goNext(frame, "Step 4 of 4");
  await fillMembership(frame);
  await next(frame).click();
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  const review = await settledHeight(iframe);
  expect(review).toBeGreaterThan(firstPage);
  await frame.getByRole("button", { name: "Submit" }).click();
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Registration complete", DELIVERED);
  const done = await settledHeight(iframe);
  expect(done).toBeLessThan(firstPage);

  await expect.poll(() => types(page)).toEqual(["ready", "validation-failed", "page", "page", "page", "page", "submitted", "confirmed"]);
  const recorded = await events(page);
  expect(recorded.map((event) => event.detail)).toEqual([
    { page: 1, pages: 4, title: "Become a member" },
    { page: 1, fields: ["username", "email", "password"] },
    { page: 2, title: "About you" },
    { page: 3, title: "Your address" },
    { page: 4, title: "Membership" },
    { page: 5, title: "Check your answers" },
    { submissionId: expect.any(String) },
    { reference: expect.any(String) },
  ]);
  expect(new Set(recorded.map((event) => event.host))).toEqual(new Set(["formgate-embed"]));
  for (const answer of [username, "Anna", "Jansen", "1990-04-01", "Fortweg", "3992LX", "Houten"]) {
    expect(JSON.stringify(recorded)).not.toContain(answer);
  }

  // The hidden action code went to the vendor; the campaign went beside the answers, not into them.
  expect(submits).toHaveLength(1);
  expect(submits[0].campaign).toEqual({ utm_source: "club-site", utm_medium: "web", utm_campaign: "spring" });
  expect(submits[0].data).toMatchObject({ username, action_code: 123 });
  expect(Object.keys(submits[0].data as object).filter((key) => key.startsWith("utm_"))).toEqual([]);
  expect(await sandboxRegistration(username)).toMatchObject({ actionCode: 123 });
});

test("one script tag serves several forms: each its own theme and palette, and a lazy frame keeps its reserved height", async ({ page }) => {
  host.page(
    "/forms",
    `<div id="members-form" data-formgate-form="members" data-title="Lid worden"></div>
     <div style="height:6000px"></div>
     <div id="demo-form" data-formgate-form="demo" data-height="700" data-theme="light" data-theme-primary-color="#0b5fff"
          data-theme-font-family="Georgia, serif" data-theme-border-radius="9px;color:red"></div>
     <script src="${LOADER}" async></script>`,
    { background: "#16181d", text: "#f0f0f0" },
  );
  await page.goto(`${host.origin()}/forms`);
  const members = page.locator("#members-form > iframe");
  const demo = page.locator("#demo-form > iframe");
  await expect.poll(() => events(page)).toEqual([{ type: "ready", detail: { page: 1, pages: 4, title: "Become a member" }, host: "members-form" }]);
  // The host's own name for a frame stands.
  await expect(members).toHaveAttribute("title", "Lid worden");

  // On a dark page without a choice: light text, a transparent page, matching color-schemes (no backdrop).
  const membersFrame = page.frameLocator("#members-form > iframe");
  await expect(members).toHaveCSS("color-scheme", "dark");
  await expect(membersFrame.locator("main")).toHaveClass(/fg-embed--dark/);
  await expect(membersFrame.locator("main")).toHaveCSS("color", "rgb(243, 242, 241)");
  await expect(membersFrame.locator("body")).toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
  await expect(membersFrame.locator("html")).toHaveCSS("background-color", "rgba(0, 0, 0, 0)");

  // Far below the fold the second frame waits, holding the height it was given.
  await expect(demo).toHaveAttribute("loading", "lazy");
  await expect(demo).toHaveCSS("height", "700px");
  expect(await types(page)).toEqual(["ready"]);
  await demo.scrollIntoViewIfNeeded();
  await expect.poll(() => events(page)).toContainEqual({ type: "ready", detail: { page: 1, pages: 2, title: "Demo registration set" }, host: "demo-form" });
  await expect(demo).toHaveAttribute("title", "Demo registration set");

  // Its own theme; the radius that is not a CSS length is dropped, the rest applies.
  const demoFrame = page.frameLocator("#demo-form > iframe");
  const button = next(demoFrame);
  await expect(button).toHaveCSS("background-color", "rgb(11, 95, 255)");
  await expect(button).toHaveCSS("color", "rgb(255, 255, 255)");
  await expect(button).toHaveCSS("border-radius", "4px");
  await expect(demoFrame.locator("main")).toHaveCSS("font-family", "Georgia, serif");
  await expect(demoFrame.locator("main")).toHaveCSS("color", "rgb(11, 12, 12)");
});

test("a host origin the form does not allow is refused by the browser, and the host hears formgate:error", async ({ page }) => {
  host.page("/refused", `<script src="${LOADER}" data-form="members"></script>`);
  await page.goto(`${host.origin("127.0.0.2")}/refused`);
  await expect.poll(() => events(page), { timeout: 20_000 }).toEqual([{ type: "error", detail: { code: "load_failed" }, host: "formgate-embed" }]);
  // The refused frame is replaced by a link to the form's own page (e2e/wizard-behaviour.spec.ts).
  await expect(page.locator("iframe")).toHaveCount(0);
  await expect(page.locator(".formgate-embed .formgate-fallback a")).toHaveAttribute("href", `${APP_URL}/register/members`);
});

test("the embed route sends each form's frame-ancestors (everything else, and a form without origins: 'none'); a form's theme applies", async () => {
  // The directive of the full policy (lib/http/csp.ts) that decides who may frame the page.
  const csp = async (url: string) => /frame-ancestors [^;]*/.exec((await fetch(url)).headers.get("content-security-policy") ?? "")?.[0];
  expect(await csp(`${APP_URL}/embed/members`)).toBe("frame-ancestors http://localhost:* http://127.0.0.1:*");
  expect(await csp(`${APP_URL}/embed/no-such-form`)).toBe("frame-ancestors 'none'");
  expect(await csp(`${APP_URL}/register/members`)).toBe("frame-ancestors 'none'");
  expect(await csp(`${APP_URL}/`)).toBe("frame-ancestors 'none'");

  const app = await startApp(3104, {
    DATA_DIR: tempDir("formgate-embed-"),
    FORMS_CONFIG: writeFormsConfig({
      forms: [
        {
          id: "closed",
          title: "Closed",
          connector: "procurios",
          options: { baseUrl: "/sandbox/procurios", registrationSetId: 77, tokenEnv: "PROCURIOS_TOKEN" },
          theme: { primaryColor: "#aa0000", borderRadius: "0px" },
        },
      ],
    }),
  });
  try {
    expect(await csp(`${app.url}/embed/closed`)).toBe("frame-ancestors 'none'");
    // The form's theme on both pages, and an embed's own colour over it.
    const html = async (url: string) => (await fetch(url)).text();
    expect(await html(`${app.url}/register/closed`)).toContain("--fg-primary:#aa0000;--fg-primary-text:#ffffff");
    const embedded = await html(`${app.url}/embed/closed?primaryColor=%23ffdd00`);
    expect(embedded).toContain("--fg-primary:#ffdd00;--fg-primary-text:#0b0c0c");
    expect(embedded).toContain("--fg-radius:0px");
  } finally {
    await app.stop();
  }
});

test("forged messages are ignored in both directions", async ({ page }) => {
  host.page("/forged", `<script src="${LOADER}" data-form="members" data-height="500"></script>`);
  await page.goto(`${host.origin()}/forged`);
  const iframe = page.locator(".formgate-embed > iframe");
  const frame = page.frameLocator(".formgate-embed > iframe");
  await expect.poll(() => types(page)).toEqual(["ready"]);
  const height = await settledHeight(iframe);

  const forged = [
    { formgate: 1, type: "confirmed", detail: { reference: "forged" } },
    { formgate: 1, type: "resize", detail: { height: 5 } },
  ];
  // From the host's own window (wrong origin and source)…
  await page.evaluate((messages) => messages.forEach((message) => window.postMessage(message, "*")), forged);
  // …from a third origin's frame, which also tells the form a forged ready-ack…
  host.page("/forger", `<script>
    for (const message of ${JSON.stringify(forged)}) parent.postMessage(message, "*");
    parent.frames[0].postMessage({ formgate: 1, type: "ready-ack", detail: { scheme: "dark" } }, "*");
  </script>`);
  // …and from frames of the app's own origin that embed.js did not make (right origin, wrong source).
  // Told another origin than this page's, a frame posts nothing here: it never posts to "*".
  const impostors = {
    "impostor-right": host.origin(),
    "impostor-other": "http://localhost:1", // allowed by the form, but not who frames it
    "impostor-refused": "http://evil.example", // not allowed: the frame trusts it with nothing
  };
  await page.evaluate(
    ([forger, frames]) => {
      document.body.append(Object.assign(document.createElement("iframe"), { src: forger }));
      for (const [id, src] of frames) document.body.append(Object.assign(document.createElement("iframe"), { id, src }));
    },
    [`${host.origin("127.0.0.2")}/forger`, Object.entries(impostors).map(([id, origin]) => [id, `${APP_URL}/embed/members?origin=${encodeURIComponent(origin)}`])] as const,
  );
  for (const id of Object.keys(impostors)) await expect(page.frameLocator(`#${id}`).locator("h1")).toHaveText("Your account");
  await page.waitForTimeout(1000);

  const raw = await page.evaluate(() => (window as unknown as { __raw: { type: string; from: string }[] }).__raw);
  expect(raw.filter((message) => message.from === "impostor-right").map((message) => message.type)).toContain("ready");
  expect(raw.filter((message) => message.from === "impostor-other" || message.from === "impostor-refused")).toEqual([]);
  expect(await types(page)).toEqual(["ready"]);
  expect(await settledHeight(iframe)).toBe(height);
  await expect(frame.locator("main")).toHaveClass(/fg-embed--light/);
  // The real frame is still heard. (Enter on the focused button rather than a click by coordinates:
  // the host page's layout is still settling as the three other frames load around it.)
  await next(frame).press("Enter");
  await expect.poll(() => types(page)).toEqual(["ready", "validation-failed"]);
});

/** A Chromium profile with third-party cookies allowed (0) or blocked (1), as a user would set it. */
async function browserWithCookies(mode: 0 | 1): Promise<BrowserContext> {
  const profile = tempDir("formgate-profile-");
  mkdirSync(path.join(profile, "Default"), { recursive: true });
  writeFileSync(path.join(profile, "Default", "Preferences"), JSON.stringify({ profile: { cookie_controls_mode: mode, block_third_party_cookies: mode === 1 } }));
  return chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** The page's embedded form frame. */
const embedFrame = (page: Page) => page.frames().find((candidate) => candidate.url().startsWith(`${APP_URL}/embed/`))!;

/** What the frame may keep: a third-party cookie, its storage. */
async function probeFrame(page: Page) {
  return embedFrame(page).evaluate(async () => {
    document.cookie = "fg_probe=1; SameSite=None; Secure; Path=/";
    let session: string;
    try {
      sessionStorage.setItem("fg_probe", "1");
      session = "works";
    } catch (error) {
      session = (error as Error).name;
    }
    return { cookie: document.cookie.includes("fg_probe=1"), storageAccess: await document.hasStorageAccess(), session };
  });
}

test("with third-party cookies blocked the form still completes, and progress survives reloads through a server-side draft", async () => {
  test.setTimeout(90_000);
  host.page("/join-3pc", `<script src="${LOADER}" data-form="members" data-prefill-action_code="77" async></script>`);
  const context = await browserWithCookies(1);
  try {
    const page = await context.newPage();
    const crashes: string[] = [];
    page.on("pageerror", (error) => crashes.push(error.message));
    await page.goto(`${host.origin()}/join-3pc`);
    const frame = page.frameLocator(".formgate-embed > iframe");
    await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Your account");
    // The block is real: the frame can keep neither a cookie nor (in Chromium) session storage.
    expect(await probeFrame(page)).toEqual({ cookie: false, storageAccess: false, session: "SecurityError" });

    const username = uniqueUsername("embed3pc");
    await fillAccount(frame, username);
    await goNext(frame, "Step 2 of 4");
    const saved = page.waitForResponse((r) => r.url().includes("/drafts/") && r.request().method() === "PUT" && r.status() === 204);
    await frame.getByLabel("First name").fill("Anna");
    await saved;
    // The host keeps only an opaque token; the answers stay on the app's server.
    const token = await page.evaluate(() => sessionStorage.getItem("formgate:draft:members"));
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(JSON.stringify(await page.evaluate(() => ({ ...sessionStorage })))).not.toContain(username);

    await embedFrame(page).evaluate(() => location.reload());
    await expect(frame.locator(".fg-progress__text")).toHaveText("Step 2 of 4");
    await expect(frame.getByLabel("First name")).toHaveValue("Anna");
    await page.reload();
    await expect(frame.locator(".fg-progress__text")).toHaveText("Step 2 of 4");
    await frame.getByRole("button", { name: "Back" }).click();
    await expect(frame.getByLabel("Username")).toHaveValue(username);
    await expect(frame.getByLabel("Password")).toHaveValue(""); // never kept in a draft
    await frame.getByLabel("Password").fill("correct horse battery");
    await goNext(frame, "Step 2 of 4");
    await finish(frame);
    expect(crashes).toEqual([]);
    expect(await sandboxRegistration(username)).toMatchObject({ actionCode: 77 });
    // Completed: the server forgets the draft and the host forgets the token.
    await expect.poll(async () => (await fetch(`${APP_URL}/api/forms/members/drafts/${token}`)).status).toBe(404);
    expect(await page.evaluate(() => sessionStorage.getItem("formgate:draft:members"))).toBeNull();
  } finally {
    await context.close();
  }
});

test("where the browser gives the frame its (partitioned) storage, progress survives a reload of the frame", async () => {
  const context = await browserWithCookies(0);
  try {
    const page = await context.newPage();
    host.page("/join-storage", `<script src="${LOADER}" data-form="members" async></script>`);
    await page.goto(`${host.origin()}/join-storage`);
    const frame = page.frameLocator(".formgate-embed > iframe");
    await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Your account");
    // The same probe as above, which sees cookies and storage here: the block there was real.
    expect(await probeFrame(page)).toEqual({ cookie: true, storageAccess: true, session: "works" });

    const username = uniqueUsername("embedstore");
    await fillAccount(frame, username);
    await goNext(frame, "Step 2 of 4");
    await frame.getByLabel("First name").fill("Anna");
    await embedFrame(page).evaluate(() => location.reload());
    await expect(frame.locator(".fg-progress__text")).toHaveText("Step 2 of 4");
    await expect(frame.getByLabel("First name")).toHaveValue("Anna");
    await frame.getByRole("button", { name: "Back" }).click();
    await expect(frame.getByLabel("Username")).toHaveValue(username);
  } finally {
    await context.close();
  }
});

test("the full page sends its own utm_* tags as the campaign", async ({ page }) => {
  const submits: Record<string, unknown>[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/api/forms/members/submit")) submits.push(request.postDataJSON());
  });
  await page.goto("/register/members?utm_source=newsletter&utm_content=button&action_code=5");
  const username = uniqueUsername("campaign");
  await fillAccount(page, username);
  await goNext(page, "Step 2 of 4");
  await finish(page);
  expect(submits).toHaveLength(1);
  expect(submits[0]).toMatchObject({ campaign: { utm_source: "newsletter", utm_content: "button" }, data: { username, action_code: 5 } });
});
