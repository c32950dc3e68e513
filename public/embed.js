/*!
 * formgate embed loader. On the page that shows the form:
 *   <script src="https://APP/embed.js" data-form="members" async></script>
 * or any number of <div data-formgate-form="members"></div> and one script tag.
 * Options (data-*): locale, theme (light|dark), theme-primary-color, theme-font-family,
 * theme-border-radius, prefill-{field}, height (px reserved), loading (eager), title.
 * Events (bubbling, on the div or on the box put where the script stood):
 * formgate:ready, :page, :validation-failed, :submitted, :verifying, :confirmed, :error.
 * A frame that never answers (a site the form does not allow) becomes a link to the form.
 */
(() => {
  "use strict";
  const script = document.currentScript || [...document.querySelectorAll('script[src*="/embed.js"]')].pop();
  if (!script) return;
  const app = new URL(script.src, location.href).origin;
  const frames = [];
  const EVENTS = /^(ready|page|validation-failed|submitted|verifying|confirmed|error)$/;
  // Detail keys a host may see; the frame never sends answers, and nothing else gets through either.
  const KEYS = ["page", "pages", "title", "fields", "submissionId", "reference", "code"];
  const THEME = { primaryColor: "primary-color", fontFamily: "font-family", borderRadius: "border-radius" };
  const data = (el, name) => el.getAttribute("data-" + name);

  // The palette that reads on the host: its choice, else the brightness of the nearest opaque background.
  const scheme = (host, opts) => {
    const chosen = data(opts, "theme");
    if (chosen === "light" || chosen === "dark") return chosen;
    for (let node = host; node && node.nodeType === 1; node = node.parentNode) {
      const rgb = /^rgba?\(([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+))?/.exec(getComputedStyle(node).backgroundColor);
      if (rgb && (rgb[4] === undefined || rgb[4] > 0.5)) return rgb[1] * 0.299 + rgb[2] * 0.587 + rgb[3] * 0.114 < 128 ? "dark" : "light";
    }
    const declared = getComputedStyle(document.documentElement).colorScheme;
    return /dark/.test(declared) && (!/light/.test(declared) || matchMedia("(prefers-color-scheme: dark)").matches) ? "dark" : "light";
  };

  const fire = (entry, type, detail) => {
    const clean = {};
    for (const key of KEYS) if (key in detail) clean[key] = detail[key];
    entry.host.dispatchEvent(new CustomEvent("formgate:" + type, { bubbles: true, detail: clean }));
  };

  // After a page change the top of the form must be on screen; the host is left alone when it is.
  const reveal = (frame) => {
    const top = frame.getBoundingClientRect().top;
    if (top < 0 || top > innerHeight) frame.scrollIntoView({ block: "start" });
  };

  // An opaque token in this page's own storage, for a frame the browser gives none:
  // the draft then waits on the server behind it. Never answers, only the token.
  const draftToken = (form, forget) => {
    try {
      const key = "formgate:draft:" + form;
      if (forget) return sessionStorage.removeItem(key);
      let token = sessionStorage.getItem(key);
      if (!token) {
        token = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(24)))).replace(/\+/g, "-").replace(/\//g, "_");
        sessionStorage.setItem(key, token);
      }
      return token;
    } catch (e) {
      return "";
    }
  };

  const mount = (host, opts, form) => {
    if (!form || host.hasAttribute("data-formgate-mounted")) return;
    host.setAttribute("data-formgate-mounted", "");
    const query = new URLSearchParams({ origin: location.origin, scheme: scheme(host, opts) });
    if (data(opts, "locale")) query.set("locale", data(opts, "locale"));
    for (const key in THEME) if (data(opts, "theme-" + THEME[key])) query.set(key, data(opts, "theme-" + THEME[key]));
    for (const { name, value } of opts.attributes) if (name.startsWith("data-prefill-")) query.set("p." + name.slice(13), value);
    new URLSearchParams(location.search).forEach((value, key) => /^utm_(source|medium|campaign|term|content)$/.test(key) && query.set(key, value));
    if (draftToken(form)) query.set("draft", draftToken(form));

    const frame = document.createElement("iframe");
    const entry = { frame, host, opts, form, alive: false };
    frame.loading = data(opts, "loading") === "eager" ? "eager" : "lazy";
    frame.title = data(opts, "title") || "Sign-up form";
    frame.className = "formgate-frame";
    frame.style.cssText = `display:block;width:100%;border:0;height:${parseInt(data(opts, "height"), 10) || 600}px;color-scheme:${query.get("scheme")}`;
    frame.src = `${app}/embed/${encodeURIComponent(form)}?${query}`;
    // A frame the browser refused (frame-ancestors) or that never started says nothing: tell the
    // host, and put a link to the form's own page where the broken frame was.
    const search = String(new URLSearchParams([...query].filter(([key]) => /^(p\.|utm_)/.test(key)).map(([key, value]) => [key.replace(/^p\./, ""), value])));
    const page = `${app}/register/${encodeURIComponent(form)}${search ? "?" + search : ""}`;
    frame.addEventListener("load", () =>
      setTimeout(() => {
        if (entry.alive) return;
        const note = document.createElement("p");
        const link = document.createElement("a");
        note.className = "formgate-fallback";
        note.textContent = "This form cannot be shown here. ";
        link.href = page;
        link.target = "_blank";
        link.rel = "noopener";
        link.textContent = "Open the form in a new tab";
        note.appendChild(link);
        frame.replaceWith(note);
        fire(entry, "error", { code: "load_failed" });
      }, 10000),
    );
    frames.push(entry);
    host.appendChild(frame);
  };

  addEventListener("message", (event) => {
    const entry = frames.find((candidate) => candidate.frame.contentWindow === event.source);
    const message = event.data;
    if (event.origin !== app || !entry || !message || message.formgate !== 1 || typeof message.type !== "string") return;
    if (!message.detail || typeof message.detail !== "object") return;
    entry.alive = true;
    if (message.type === "resize") {
      const height = Math.ceil(message.detail.height);
      if (height > 0 && height < 100000) entry.frame.style.height = height + "px";
      return;
    }
    if (!EVENTS.test(message.type)) return;
    if (message.type === "ready") {
      // Named by the form's own title (in its language) unless the host chose a name.
      if (!data(entry.opts, "title") && typeof message.detail.title === "string") entry.frame.title = message.detail.title.slice(0, 200);
      // Stylesheets may have arrived since the frame was made: look at the background again.
      const now = scheme(entry.host, entry.opts);
      entry.frame.style.colorScheme = now;
      event.source.postMessage({ formgate: 1, type: "ready-ack", detail: { scheme: now } }, app);
    }
    if (/^(page|validation-failed|submitted|verifying|error)$/.test(message.type)) reveal(entry.frame);
    if (message.type === "confirmed") draftToken(entry.form, true);
    fire(entry, message.type, message.detail);
  });

  const scan = () => {
    const form = data(script, "form");
    if (form && !script.hasAttribute("data-formgate-mounted") && script.parentNode && script.parentNode !== document.head) {
      script.setAttribute("data-formgate-mounted", "");
      const box = document.createElement("div");
      box.className = "formgate-embed";
      script.parentNode.insertBefore(box, script);
      mount(box, script, form);
    }
    for (const host of document.querySelectorAll("[data-formgate-form]")) mount(host, host, data(host, "formgate-form"));
  };
  scan();
  // An async script can run before the rest of the page is parsed: look again once it is.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
})();
