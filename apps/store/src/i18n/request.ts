import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { STORE_TIME_ZONE } from "@pos/api/store";
import { resolveLocale, type AppLocale } from "@pos/ui";
import { LOCALE_COOKIE } from "./locale-cookie";

const catalogs = {
  "es-AR": () => import("../../messages/es-AR.json"),
  en: () => import("../../messages/en.json"),
} satisfies Record<AppLocale, () => Promise<unknown>>;

// No locale in the URL: the shopper's choice (cookie), else the browser's languages, else the shop's own.
export default getRequestConfig(async () => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerStore.get("accept-language"));
  // Times are the shop's: an order placed at 10 p.m. in Buenos Aires says 10 p.m. whatever the server's zone.
  return { locale, timeZone: STORE_TIME_ZONE, messages: (await catalogs[locale]()).default };
});
