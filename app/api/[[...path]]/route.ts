import { json } from "@/lib/http/respond";
import { translator } from "@/lib/i18n";

/** Any /api/… path no route claims: the API's JSON 404, whatever the method, never Next's HTML page. */
function notFound(): Response {
  return json({ error: translator(undefined)("unknownPath") }, { status: 404 });
}

export { notFound as GET, notFound as HEAD, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
