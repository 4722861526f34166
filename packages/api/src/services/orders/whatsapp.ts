// "Order by WhatsApp": a PENDING order that holds the stock at the fulfilling branch until a manager confirms
// or cancels it, or until the hold expires (orderHoldMinutes; see expire.ts), plus the wa.me link that opens
// the chat with the shop's configured message filled in. Payment is agreed in the chat, so no payment row yet.
import type { Db } from "@pos/db";
import type { TWhatsAppOrderParsed } from "@pos/validators";
import { DomainError } from "../../errors.ts";
import type { EventBus } from "../../events/index.ts";
import { whatsAppLink, whatsAppMessage } from "./messages.ts";
import { priceOrder, recordOrder } from "./placement.ts";
import { toPublicOrder } from "./snapshot.ts";
import { openStoreTerms, readStoreFacts } from "./terms.ts";

export interface WhatsAppOrderPlaced {
  reference: string;
  status: string;
  total: string;
  /** When the held stock is released if nobody confirms the order. */
  expiresAt: Date | null;
  /** https://wa.me/<number>?text=<message>: open it to send the message. */
  whatsappUrl: string;
  message: string;
  replayed: boolean;
}

async function whatsAppSettings(db: Db) {
  const config = await db.whatsAppConfig.findUnique({
    where: { id: 1 },
    select: { phoneNumber: true, messageTemplate: true, active: true },
  });
  if (!config?.active) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "Ordering by WhatsApp is not available right now: use the checkout instead.",
    );
  }
  return config;
}

export async function placeWhatsAppOrder(
  ctx: { db: Db; bus: EventBus },
  input: TWhatsAppOrderParsed,
  now: Date = new Date(),
): Promise<WhatsAppOrderPlaced> {
  const { db } = ctx;
  return recordOrder(
    ctx,
    {
      channel: "WHATSAPP",
      input,
      contact: (store) => ({
        contactName: input.contact.name,
        contactEmail: null,
        contactPhone: input.contact.phone,
        fulfillment: input.fulfillment,
        shippingAddress: input.fulfillment === "SHIPPING" ? (input.shippingAddress ?? null) : null,
        expiresAt: new Date(now.getTime() + store.orderHoldMinutes * 60_000),
      }),
      async prepare() {
        await whatsAppSettings(db);
        const store = await openStoreTerms(db, input.fulfillment);
        return { store, priced: await priceOrder(db, store, { channel: "WHATSAPP", ...input }, []) };
      },
    },
    async (order, replayed) => {
      // Read again for a replay too: the link must carry the shop's current number and template.
      const [config, store] = await Promise.all([whatsAppSettings(db), readStoreFacts(db)]);
      const view = toPublicOrder(order);
      const message = whatsAppMessage(config.messageTemplate, store, { ...view, contactName: view.contactName ?? "" });
      return {
        reference: view.reference,
        status: view.status,
        total: view.total,
        expiresAt: order.expiresAt,
        whatsappUrl: whatsAppLink(config.phoneNumber, message),
        message,
        replayed,
      };
    },
  );
}
