import "server-only";
import type { Sandbox } from "./module";

/**
 * fetch for connectors whose base URL is the app's own built-in sandbox: such a call is
 * answered in process by the sandbox's own handle(Request), exactly as the
 * /sandbox/{vendor} route would answer it, without a request to the app itself. Under
 * `next dev` that route may still be compiling when the first form is served (the
 * first visit then saw "vendor unavailable"), and in production it saves a loopback
 * round trip. Any other URL goes to the real fetch.
 */
export function localFetch(appOrigin: string, sandboxOf: (vendor: string) => Sandbox | undefined): typeof fetch {
  const prefix = `${appOrigin}/sandbox/`;
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith(prefix)) return fetch(input, init);
    const { pathname } = new URL(url);
    const [, , vendor, ...rest] = pathname.split("/");
    const sandbox = sandboxOf(vendor);
    if (!sandbox) return fetch(input, init);
    return sandbox.handle(new Request(url, init), `/${rest.join("/")}`);
  };
}
