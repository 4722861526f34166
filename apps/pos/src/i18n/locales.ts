export { DEFAULT_LOCALE, isLocale, LOCALES, resolveLocale, type AppLocale } from "@pos/ui";

/** Set by the language switch; read on every request (no locale in the URL). */
export const LOCALE_COOKIE = "pos-locale";
