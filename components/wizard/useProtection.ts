import { useRef, useState } from "react";
import type { ClientProtection, SubmitProtection } from "@/lib/protection/types";

/**
 * What the wizard sends beside the answers to show it is a person: the page's
 * "form started" token, the off-screen honeypot's value (empty for people) and
 * the challenge's token when the form has one.
 */
export function useProtection(protection: ClientProtection | undefined, started: string | undefined) {
  const honeypot = useRef<HTMLInputElement>(null);
  const challengeToken = useRef<string | undefined>(undefined);
  const [round, setRound] = useState(0);
  return {
    honeypot,
    challenge: protection?.challenge,
    /** Changes after each failed submit: the widget is mounted afresh, since its token was used. */
    challengeRound: round,
    onChallengeToken: (token: string | undefined) => void (challengeToken.current = token),
    challengeMissing: () => Boolean(protection?.challenge && !challengeToken.current),
    values: (): SubmitProtection => ({
      ...(started ? { started } : {}),
      website: honeypot.current?.value ?? "",
      ...(challengeToken.current ? { challenge: challengeToken.current } : {}),
    }),
    reset: () => {
      if (!protection?.challenge) return;
      challengeToken.current = undefined;
      setRound((n) => n + 1);
    },
  };
}

export type ProtectionHandle = ReturnType<typeof useProtection>;
