import { APP_URL, SANDBOX_CONTROL_TOKEN } from "../../playwright.config";

export interface SandboxRegistration {
  registrationId: number;
  username?: string;
  email?: string;
  /** As the vendor received it. */
  phone?: string;
  name?: string;
  actionCode?: number;
  /** Names of the fields the vendor received. */
  fields: string[];
}

/** What the app's built-in Procurios sandbox registered with these values (its control API, with the token). */
export async function sandboxRegistrations(match: { username?: string; name?: string }): Promise<SandboxRegistration[]> {
  const query = new URLSearchParams(match as Record<string, string>);
  const response = await fetch(`${APP_URL}/sandbox/procurios/_sandbox/registrations?${query}`, {
    headers: { Authorization: `Bearer ${SANDBOX_CONTROL_TOKEN}` },
  });
  if (!response.ok) throw new Error(`sandbox lookup: HTTP ${response.status}`);
  return ((await response.json()) as { registrations: SandboxRegistration[] }).registrations;
}
