import type { LanguageHints } from "@/lib/forms/definition";

/** What an API request says about the language of its answer: ?lang=, else Accept-Language (the wizard sends its page's). */
export function languageHints(request: Request): LanguageHints {
  return {
    requested: new URL(request.url).searchParams.get("lang") ?? undefined,
    acceptLanguage: request.headers.get("accept-language"),
  };
}
