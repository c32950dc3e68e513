import type { ChallengeProvider } from "./challenge";

/** What the wizard sends beside the answers (lib/http/schemas.ts); never stored. */
export interface SubmitProtection {
  started?: string;
  website?: string;
  challenge?: string;
}

/** What the page hands the wizard: its "form started" token and the challenge to render, if any. */
export interface ClientProtection {
  started: string;
  challenge?: { provider: ChallengeProvider; siteKey: string };
}
