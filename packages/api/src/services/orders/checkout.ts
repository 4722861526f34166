// Storefront checkout: an ONLINE order from the fulfilling branch's stock, PENDING until a manager confirms it,
// paid with one method for the whole amount (base = due), with the instructions to pay it.
import type { Db } from "@pos/db";
import { fromCents, toCents, type TCheckoutParsed, type TOrderQuoteParsed } from "@pos/validators";
import { DomainError } from "../../errors.ts";
import type { EventBus } from "../../events/index.ts";
import { paymentInstructions } from "./messages.ts";
import { priceOrder, recordOrder } from "./placement.ts";
import { paymentOf, toPublicOrder, type PublicOrderRow } from "./snapshot.ts";
import { openStoreTerms, readStoreFacts } from "./terms.ts";

export interface OrderPlaced {
  /** What the shopper quotes and types on the order page, e.g. "PAL-000042". */
  reference: string;
  status: string;
  total: string;
  shipping: string;
  paymentMethod: string | null;
  instructions: string | null;
  /** True when this clientId had already been recorded and nothing new was created. */
  replayed: boolean;
}

/** How to pay an order still waiting for its payment (null once it is under way, or without a method). */
export async function instructionsFor(db: Db, order: PublicOrderRow, shopperContact: string | null) {
  const payment = paymentOf(order);
  if (!payment || order.status !== "PENDING") return null;
  const view = toPublicOrder(order);
  return paymentInstructions(await readStoreFacts(db), {
    reference: view.reference,
    total: view.total,
    fulfillment: order.fulfillment,
    payment,
    shopperContact,
  });
}

export async function placeOrder(ctx: { db: Db; bus: EventBus }, input: TCheckoutParsed): Promise<OrderPlaced> {
  const { db } = ctx;
  const contact = {
    contactName: input.contact.name,
    contactEmail: input.contact.email ?? null,
    contactPhone: input.contact.phone ?? null,
    fulfillment: input.fulfillment,
    shippingAddress: input.fulfillment === "SHIPPING" ? (input.shippingAddress ?? null) : null,
    expiresAt: null,
  };
  return recordOrder(
    ctx,
    {
      channel: "ONLINE",
      input,
      contact: () => contact,
      async prepare() {
        const store = await openStoreTerms(db, input.fulfillment);
        const payments = [{ methodId: input.paymentMethodId, installments: 1 }];
        const priced = await priceOrder(db, store, { channel: "ONLINE", ...input }, payments);
        if (input.expectedTotal !== undefined && toCents(input.expectedTotal) !== priced.totals.total) {
          const total = fromCents(priced.totals.total);
          throw new DomainError(
            "CONFLICT",
            `The total is now ${total}, not ${input.expectedTotal}: prices or shipping changed. Review your cart and confirm again.`,
            { reason: "TOTAL_CHANGED", total },
          );
        }
        return { store, priced };
      },
    },
    async (order, replayed) => {
      const view = toPublicOrder(order);
      return {
        reference: view.reference,
        status: view.status,
        total: view.total,
        shipping: view.shipping,
        paymentMethod: view.paymentMethod,
        instructions: await instructionsFor(db, order, contact.contactEmail ?? contact.contactPhone),
        replayed,
      };
    },
  );
}

export interface OrderQuote {
  subtotal: string;
  discount: string;
  surcharge: string;
  shipping: string;
  tax: string;
  total: string;
}

/**
 * The totals checkout would charge now, priced by the same code that places the order (online prices, the free
 * shipping threshold, the method's discount or surcharge). Nothing is held; the page sends `total` back as
 * expectedTotal, so the shopper pays exactly what they were shown.
 */
export async function quoteOrder(db: Db, input: TOrderQuoteParsed): Promise<OrderQuote> {
  const store = await openStoreTerms(db, input.fulfillment);
  const payments = input.paymentMethodId ? [{ methodId: input.paymentMethodId, installments: 1 }] : [];
  const { totals } = await priceOrder(db, store, { channel: "ONLINE", ...input }, payments);
  return {
    subtotal: fromCents(totals.subtotal),
    discount: fromCents(totals.discount),
    surcharge: fromCents(totals.surcharge),
    shipping: fromCents(totals.shipping),
    tax: fromCents(totals.tax),
    total: fromCents(totals.total),
  };
}
