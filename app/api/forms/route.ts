import { loadConfig } from "@/lib/config/forms";
import { json, route } from "@/lib/http/respond";

export const GET = route(async () =>
  json({ forms: loadConfig().forms.map(({ id, title, locale }) => ({ id, title, locale })) }),
);
