import { ZCheckout, ZOrderLookup, ZOrderQuote, ZWhatsAppOrder } from "@pos/validators";
import { publicProcedure } from "../procedures.ts";
import { placeOrder, quoteOrder } from "../services/orders/checkout.ts";
import { lookupOrder } from "../services/orders/lookup.ts";
import { placeWhatsAppOrder } from "../services/orders/whatsapp.ts";
import { router } from "../trpc.ts";

/**
 * What a shopper can do with orders. Public: shoppers have no accounts, so an order is theirs by its number plus
 * the contact they gave. Shared as procedures so appRouter's `orders` carries the same ones under the same paths.
 */
export const storeOrderProcedures = {
  /** The totals checkout would charge for this cart, delivery and payment method; changes nothing. */
  quote: publicProcedure.input(ZOrderQuote).query(({ ctx, input }) => quoteOrder(ctx.db, input)),
  /** An ONLINE order from the fulfilling branch's stock; exactly once per `clientId`. */
  checkout: publicProcedure.input(ZCheckout).mutation(({ ctx, input }) => placeOrder(ctx, input)),
  /** A PENDING WhatsApp order holding its stock, and the wa.me link with the message to send. */
  whatsapp: publicProcedure.input(ZWhatsAppOrder).mutation(({ ctx, input }) => placeWhatsAppOrder(ctx, input)),
  /** The order page: by number and the email or phone given with the order. */
  lookup: publicProcedure.input(ZOrderLookup).query(({ ctx, input }) => lookupOrder(ctx.db, input)),
};

export const storeOrdersRouter = router(storeOrderProcedures);
