import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, resolveLocale, type AppLocale } from "./locales";

const catalogs = {
  "es-AR": () => import("../../messages/es-AR.json"),
  en: () => import("../../messages/en.json"),
} satisfies Record<AppLocale, () => Promise<unknown>>;

// No locale in the URL: the cashier's choice (cookie), else the browser's languages, else the shop's own.
export default getRequestConfig(async () => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerStore.get("accept-language"));
  return { locale, messages: (await catalogs[locale]()).default };
});
