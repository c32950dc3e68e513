/** The request header proxy.ts sets to a form page's language, for the root layout's <html lang>; any sent by the client is dropped. */
export const PAGE_LANGUAGE = "x-formgate-page-language";
