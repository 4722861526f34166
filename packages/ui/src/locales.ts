// The languages of both apps' UI. Only words change with it: money and dates stay in the store's own format.
export const LOCALES = ["es-AR", "en"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "es-AR";

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The language family of an Accept-Language tag, mapped to the one locale we have for it. */
function fromTag(tag: string): AppLocale | null {
  const language = tag.trim().toLowerCase().split("-")[0];
  if (language === "es") return "es-AR";
  if (language === "en") return "en";
  return null;
}

/**
 * The cookie when it names a locale we have; else the first language of Accept-Language we speak (by q-value,
 * ties in the order given); else the shop's own, es-AR.
 */
export function resolveLocale(cookie: string | undefined, acceptLanguage: string | null | undefined): AppLocale {
  if (isLocale(cookie)) return cookie;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
      return { tag, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = fromTag(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
