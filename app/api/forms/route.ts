import { loadConfig } from "@/lib/config/forms";
import { localeFor } from "@/lib/forms/definition";
import { textIn } from "@/lib/forms/texts";
import { languageHints } from "@/lib/http/language";
import { json, route } from "@/lib/http/respond";

/** The configured forms, each titled in the request's language (?lang=, Accept-Language) among those it offers. */
export const GET = route(async (request: Request) =>
  json({
    forms: loadConfig().forms.map((form) => {
      const locale = localeFor(form, languageHints(request));
      return { id: form.id, title: textIn(form.title, locale, form.locale), locale, locales: form.locales };
    }),
  }),
);
