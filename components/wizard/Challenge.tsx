"use client";

import { useEffect, useRef, useState } from "react";
import type { Translate } from "@/lib/i18n";
import { CHALLENGE_PROVIDERS, type ChallengeProvider } from "@/lib/protection/challenge";

/** The part of Turnstile's and hCaptcha's explicit-render APIs used here (they share it). */
interface WidgetApi {
  render(element: HTMLElement, options: Record<string, unknown>): string;
  remove?(widgetId: string): void;
}

declare global {
  interface Window {
    turnstile?: WidgetApi;
    hcaptcha?: WidgetApi;
  }
}

const scripts = new Map<string, Promise<void>>();

function loadScript(src: string): Promise<void> {
  let loaded = scripts.get(src);
  if (!loaded) {
    loaded = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.async = true;
      script.onload = () => resolve();
      script.onerror = () => {
        scripts.delete(src);
        script.remove();
        reject(new Error(`could not load ${src}`));
      };
      document.head.appendChild(script);
    });
    scripts.set(src, loaded);
  }
  return loaded;
}

interface Props {
  provider: ChallengeProvider;
  siteKey: string;
  t: Translate;
  /** The solved challenge's token; undefined when it expires or fails. */
  onToken: (token: string | undefined) => void;
}

/** The provider's widget on the review page. A token is good for one submit: the wizard mounts a new widget after each. */
export default function Challenge({ provider, siteKey, t, onToken }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const report = useRef(onToken);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    report.current = onToken;
  });

  useEffect(() => {
    let live = true;
    let widget: string | undefined;
    loadScript(CHALLENGE_PROVIDERS[provider].script).then(
      () => {
        const api = window[provider];
        if (!live || !api || !box.current) return;
        widget = api.render(box.current, {
          sitekey: siteKey,
          callback: (token: string) => report.current(token),
          "expired-callback": () => report.current(undefined),
          "error-callback": () => report.current(undefined),
        });
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      if (widget !== undefined) window[provider]?.remove?.(widget);
      report.current(undefined);
    };
  }, [provider, siteKey]);

  return (
    <div className="fg-challenge" role="group" aria-label={t("challengeLabel")}>
      <div ref={box} data-provider={provider} />
      {failed && <p className="fg-inset">{t("challengeLoadFailed")}</p>}
    </div>
  );
}
