import { formatMoney, fromCents, normalizeAmount, toCents, type Cents } from "@pos/validators";

export interface StoreMoney {
  currency: string;
  locale: string;
  timeZone: string;
}

/** A moment as the shop reads it: its locale, its time zone, a 24-hour clock. */
export function shopTime(at: Date | string | number, store: StoreMoney): string {
  return new Intl.DateTimeFormat(store.locale, {
    dateStyle: "short",
    timeStyle: "short",
    hourCycle: "h23",
    timeZone: store.timeZone,
  }).format(new Date(at));
}

/** Cents as the shop writes money ("$ 59.990,00" in es-AR). */
export function money(cents: Cents, store: StoreMoney): string {
  return formatMoney(fromCents(cents), { currency: store.currency, locale: store.locale });
}

/**
 * An amount as a cashier types it: "15000", "15.000,50" (es-AR) or "15000.50". Null when it is not one.
 * A lone dot followed by exactly three digits is a thousands separator ("15.000"), otherwise a decimal point.
 */
export function parseTypedAmount(text: string): Cents | null {
  const normalized = normalizeAmount(text);
  if (!/^\d{1,10}(\.\d{1,2})?$/.test(normalized)) return null;
  return toCents(normalized);
}

/** An amount as typed, as the API's decimal text ("45.000,50" → "45000.50"); anything else unchanged, for the schema to refuse. */
export function typedDecimal(text: string): string {
  const cents = parseTypedAmount(text);
  return cents === null ? text : fromCents(cents);
}
