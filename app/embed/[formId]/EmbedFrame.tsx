"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import type { WizardEvent } from "@/components/wizard/events";
import HtmlLang from "@/components/wizard/HtmlLang";
import type { Campaign } from "@/components/wizard/prefill";
import type { Answers } from "@/components/wizard/schema";
import Wizard from "@/components/wizard/Wizard";
import type { PageModel } from "@/lib/forms/page-model";
import type { FormDefinition } from "@/lib/forms/types";
import type { Messages } from "@/lib/i18n";
import type { ClientProtection } from "@/lib/protection/types";

type Scheme = "light" | "dark";

interface Props {
  /** The embedding page's origin, already checked against the form's allowedOrigins; none: post nothing. */
  hostOrigin?: string;
  scheme?: Scheme;
  /** The form's theme as a nonced <style> (ThemeStyle), rendered by the server. */
  theme: ReactNode;
  locale: string;
  definition?: FormDefinition;
  /** The catalogue of the form's locale (see Wizard). */
  messages?: Messages;
  pageModel?: PageModel;
  validatorsUrl?: string;
  prefill?: Answers;
  campaign?: Campaign;
  /** The host page's opaque draft token (embed.js), already checked for shape. */
  draftToken?: string;
  /** The "form started" token and the challenge, for the wizard. */
  protection?: ClientProtection;
  /** Shown instead of the form when it cannot be loaded (Notice, rendered by the server). */
  notice?: ReactNode;
}

interface Message {
  formgate: 1;
  type: string;
  detail: Record<string, unknown>;
}

function isMessage(data: unknown): data is Message {
  const message = data as Message | null;
  return typeof message === "object" && message !== null && message.formgate === 1 && typeof message.type === "string" && typeof message.detail === "object" && message.detail !== null;
}

/**
 * The frame's half of the embed protocol: the wizard's events and the content
 * height go to the host page, addressed to its exact origin; from the host only
 * a "ready-ack" is taken, from that origin and the parent window alone.
 */
export default function EmbedFrame({ hostOrigin, scheme: initialScheme, theme, locale, definition, messages, pageModel, validatorsUrl, prefill, campaign, draftToken, protection, notice }: Props) {
  const root = useRef<HTMLElement>(null);
  const [scheme, setScheme] = useState(initialScheme);

  const post = useCallback(
    (type: string, detail: Record<string, unknown>) => {
      if (hostOrigin && window.parent !== window) window.parent.postMessage({ formgate: 1, type, detail } satisfies Message, hostOrigin);
    },
    [hostOrigin],
  );
  const onEvent = useCallback((event: WizardEvent) => post(event.type, event.detail), [post]);

  useEffect(() => {
    const element = root.current;
    if (!element) return;
    let last = 0;
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(element.getBoundingClientRect().bottom + window.scrollY);
      if (height !== last) post("resize", { height: (last = height) });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [post]);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (!hostOrigin || event.origin !== hostOrigin || event.source !== window.parent || !isMessage(event.data)) return;
      if (event.data.type !== "ready-ack") return;
      // The loader sizes the frame to its content: no scroll bar flashing while it catches up.
      document.documentElement.style.overflowY = "hidden";
      const hostScheme = event.data.detail.scheme;
      if (hostScheme === "light" || hostScheme === "dark") setScheme(hostScheme);
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [hostOrigin]);

  useEffect(() => {
    if (notice) post("error", { code: "unavailable" });
  }, [notice, post]);

  return (
    <main ref={root} className={scheme ? `fg-embed fg-themed fg-embed--${scheme}` : "fg-embed fg-themed"}>
      {theme}
      <HtmlLang locale={locale} />
      {definition && messages && pageModel ? (
        <Wizard
          definition={definition}
          messages={messages}
          pageModel={pageModel}
          validatorsUrl={validatorsUrl}
          prefill={prefill}
          campaign={campaign}
          draftToken={draftToken}
          protection={protection}
          embedded
          hostOrigin={hostOrigin}
          onEvent={onEvent}
        />
      ) : (
        notice
      )}
    </main>
  );
}
