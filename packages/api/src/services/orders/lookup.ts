// The shopper's order page: an order found by its number AND the email or phone given with it. Anything else
// (no such number, another contact, a register sale) gets the same answer, so the page cannot be used to learn
// which order numbers exist or whose they are.
import type { Db } from "@pos/db";
import { ORDER_CHANNELS, parseSaleReference, type TOrderLookupParsed } from "@pos/validators";
import { DomainError } from "../../errors.ts";
import { instructionsFor } from "./checkout.ts";
import { publicOrderSelect, toPublicOrder } from "./snapshot.ts";

const digits = (phone: string) => phone.replace(/\D/g, "");

/**
 * Phones match on their digits, and a number typed without the country code ("11 5555-1234" for
 * "+54 9 11 5555-1234") still matches on its last eight digits or more: the order number is the secret part.
 */
export function samePhone(given: string, stored: string): boolean {
  const [a, b] = [digits(given), digits(stored)];
  if (a === b) return a.length > 0;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 8 && long.endsWith(short);
}

export async function lookupOrder(db: Db, input: TOrderLookupParsed) {
  const parsed = parseSaleReference(input.reference);
  const order = parsed
    ? await db.sale.findFirst({
        where: { number: parsed.number, branch: { code: parsed.branchCode }, channel: { in: [...ORDER_CHANNELS] } },
        select: { ...publicOrderSelect, contactEmail: true, contactPhone: true },
      })
    : null;
  const matches =
    order !== null &&
    ((input.email !== undefined && order.contactEmail === input.email) ||
      (input.phone !== undefined && order.contactPhone !== null && samePhone(input.phone, order.contactPhone)));
  if (!order || !matches) {
    throw new DomainError(
      "NOT_FOUND",
      `We found no order ${input.reference.trim()} with that email or phone. Check the order number and use the contact you gave when ordering.`,
    );
  }
  const { contactEmail: _email, contactPhone: _phone, ...row } = order;
  return { ...toPublicOrder(row), instructions: await instructionsFor(db, row, input.email ?? input.phone ?? null) };
}
