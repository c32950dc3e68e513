/** A staff API call from a console page: JSON both ways, the server's message on failure. */
export async function staffCall<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? "POST",
    headers: init.body === undefined ? {} : { "Content-Type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const answer = (await response.json().catch(() => ({}))) as T & { error?: string; errors?: Record<string, string> };
  if (!response.ok) {
    const fields = answer.errors ? ` ${Object.entries(answer.errors).map(([field, message]) => `${field}: ${message}`).join("; ")}` : "";
    throw new Error(`${answer.error ?? `The server answered ${response.status}.`}${fields}`);
  }
  return answer;
}
