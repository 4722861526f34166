// Display only: arithmetic lives in money.ts. Amounts arrive as decimal strings (Prisma Decimal#toString or
// toFixed) so no float ever touches a price on its way to the screen, a receipt or a WhatsApp message. It lives
// here, below the UI, because the API formats money too (printed receipts, order messages).
import type { DecimalLike } from "./money.ts";

export interface MoneyFormatOptions {
  currency?: string;
  locale?: string;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

// Intl accepts numeric strings and formats them exactly (no binary rounding); the guard narrows the
// type to the `${number}` literal form that lib.es2023.intl declares.
function isDecimalString(value: string): value is Intl.StringNumericLiteral {
  return DECIMAL.test(value);
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, found);
  }
  return found;
}

export function formatMoney(amount: string | DecimalLike, options: MoneyFormatOptions = {}): string {
  const { currency = "ARS", locale = "es-AR" } = options;
  const text = typeof amount === "string" ? amount.trim() : amount.toFixed(2);
  if (!isDecimalString(text)) throw new RangeError(`formatMoney: "${text}" is not a decimal amount`);
  return formatter(currency, locale).format(text);
}
