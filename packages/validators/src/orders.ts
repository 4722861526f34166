// Storefront orders (online checkout, WhatsApp) and the managers' order queue. A shopper never sends a price:
// the server prices every line from the catalog (online price first), so the schema has nowhere to put one.
import { z } from "zod";
import { ZMoney } from "./catalog.ts";
import { ZEmail, ZPhone } from "./customers.ts";
import { MAX_LINE_QUANTITY, MAX_SALE_LINES, parseSaleReference } from "./sales.ts";

const id = z.number().int().positive();

export const ORDER_STATUSES = ["PENDING", "CONFIRMED", "READY", "SHIPPED", "DELIVERED", "CANCELLED"] as const;
export type TOrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_CHANNELS = ["ONLINE", "WHATSAPP"] as const;
export const FULFILLMENTS = ["PICKUP", "SHIPPING"] as const;

export const ZOrderLine = z.object({
  variantId: id,
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
});
export type TOrderLine = z.infer<typeof ZOrderLine>;

const lines = z
  .array(ZOrderLine)
  .min(1, { message: "Your cart is empty: add at least one item." })
  .max(MAX_SALE_LINES)
  .refine((items) => new Set(items.map((line) => line.variantId)).size === items.length, {
    message: "Each item appears once: change its quantity instead of adding it again.",
  });

const contactName = z.string().trim().min(2, { message: "Enter your name." }).max(120);

export const ZOrderContact = z
  .object({ name: contactName, email: ZEmail.optional(), phone: ZPhone.optional() })
  .refine((contact) => contact.email !== undefined || contact.phone !== undefined, {
    message: "Leave an email or a phone so we can tell you about your order.",
    path: ["email"],
  });

const address = z.string().trim().min(5, { message: "Enter the street, number and city." }).max(300);
const notes = z.string().trim().max(500);

/** Pickup is at the fulfilling branch (the store's configuration names it), so it needs no address. */
const delivery = {
  fulfillment: z.enum(FULFILLMENTS).default("PICKUP"),
  shippingAddress: address.optional(),
};

function addressWhenShipping(order: { fulfillment: string; shippingAddress?: string | undefined }): boolean {
  return order.fulfillment !== "SHIPPING" || order.shippingAddress !== undefined;
}
const addressMessage = { message: "Enter the address to ship to.", path: ["shippingAddress"] };

export const ZCheckout = z
  .object({
    /** Made by the storefront (UUID v4) when the checkout page opens: resending it returns the first order. */
    clientId: z.uuid(),
    lines,
    contact: ZOrderContact,
    ...delivery,
    paymentMethodId: id,
    /** The total the shopper saw: checked against the server's, so they pay what they agreed to. */
    expectedTotal: ZMoney.optional(),
    notes: notes.optional(),
  })
  .refine(addressWhenShipping, addressMessage);
export type TCheckout = z.input<typeof ZCheckout>;
export type TCheckoutParsed = z.output<typeof ZCheckout>;

/** What the checkout page shows before the order is placed: the server's totals for these lines, delivery and method. */
export const ZOrderQuote = z.object({
  lines,
  fulfillment: delivery.fulfillment,
  paymentMethodId: id.optional(),
});
export type TOrderQuote = z.input<typeof ZOrderQuote>;
export type TOrderQuoteParsed = z.output<typeof ZOrderQuote>;

export const ZWhatsAppOrder = z
  .object({
    clientId: z.uuid(),
    lines,
    /** The chat happens on this number, so a phone is required here. */
    contact: z.object({ name: contactName, phone: ZPhone }),
    ...delivery,
    notes: notes.optional(),
  })
  .refine(addressWhenShipping, addressMessage);
export type TWhatsAppOrder = z.input<typeof ZWhatsAppOrder>;
export type TWhatsAppOrderParsed = z.output<typeof ZWhatsAppOrder>;

const reference = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((text) => parseSaleReference(text) !== null, {
    message: 'Type the order number as it was given to you, like "CEN-000123".',
  });

/** The order page: the number plus the email or phone given at checkout (either one is enough). */
export const ZOrderLookup = z
  .object({ reference, email: ZEmail.optional(), phone: ZPhone.optional() })
  .refine((lookup) => lookup.email !== undefined || lookup.phone !== undefined, {
    message: "Enter the email or the phone you used for the order.",
    path: ["email"],
  });
export type TOrderLookup = z.input<typeof ZOrderLookup>;
export type TOrderLookupParsed = z.output<typeof ZOrderLookup>;

/** What a manager may set by hand; VOIDED is for register sales (sales.void), COMPLETED is never set. */
export const ZOrderStatusChange = z
  .object({
    saleId: id,
    to: z.enum(["CONFIRMED", "READY", "SHIPPED", "DELIVERED", "CANCELLED"]),
    reason: z.string().trim().min(3).max(300).optional(),
  })
  .refine((change) => change.to !== "CANCELLED" || change.reason !== undefined, {
    message: "Say why the order is cancelled (at least 3 characters).",
    path: ["reason"],
  });
export type TOrderStatusChange = z.input<typeof ZOrderStatusChange>;
export type TOrderStatusChangeParsed = z.output<typeof ZOrderStatusChange>;

export const ZOrderList = z.object({
  channel: z.enum(ORDER_CHANNELS).optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  /** The `nextCursor` of the previous page. */
  cursor: id.optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type TOrderList = z.input<typeof ZOrderList>;
export type TOrderListParsed = z.output<typeof ZOrderList>;

/** A manual sweep of expired WhatsApp holds; `limit` bounds one call's work (call again for more). */
export const ZExpireHolds = z.object({ limit: z.number().int().min(1).max(1000).default(200) });
export type TExpireHolds = z.input<typeof ZExpireHolds>;
