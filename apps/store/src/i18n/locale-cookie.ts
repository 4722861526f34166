/** Set by the storefront's language links; read on every request (no locale in the URL). */
export const LOCALE_COOKIE = "store-locale";
