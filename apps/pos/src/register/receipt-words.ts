"use client";
// What the customer takes home is worded in the shop's language, whatever language the cashier's screen is in:
// an English-speaking cashier in a Buenos Aires shop still hands out a Spanish receipt (as the thermal text
// from the server does). Both catalogs' receipt words ship with the register, so this works offline too.
import { useMemo } from "react";
import { createTranslator } from "next-intl";
import { resolveLocale } from "../i18n/locales";
import en from "../../messages/en.json";
import es from "../../messages/es-AR.json";

/** The receipt's words in the shop's language (es-AR unless the shop's locale is English). */
export function receiptWords(shopLocale: string) {
  const locale = resolveLocale(undefined, shopLocale);
  return createTranslator({ locale, messages: locale === "en" ? en : es, namespace: "receipt" });
}

export function useReceiptWords(shopLocale: string) {
  return useMemo(() => receiptWords(shopLocale), [shopLocale]);
}
