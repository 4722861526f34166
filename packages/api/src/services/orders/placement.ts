// What online and WhatsApp orders share: pricing for a shopper (catalog/online prices, the store's shipping
// rule), and recording exactly once from the fulfilling branch's stock through the same placement as a register
// sale (services/sales/placement.ts: atomic stock guard, gapless number, rows, movements, events).
import type { Db, Fulfillment, SaleChannel } from "@pos/db";
import { fromCents, type TOrderLine } from "@pos/validators";
import type { EventBus } from "../../events/index.ts";
import { exactlyOnce, requestHash } from "../sales/once.ts";
import { announceSale, placeSale, type OrderContact } from "../sales/placement.ts";
import { priceSale, type PricedSale, type PricingPayment } from "../sales/pricing.ts";
import { inStockTransaction } from "../stock-ledger.ts";
import { publicOrderSelect, type PublicOrderRow } from "./snapshot.ts";
import type { OpenStore } from "./terms.ts";

export async function priceOrder(
  db: Db,
  store: OpenStore,
  order: { channel: SaleChannel; lines: readonly TOrderLine[]; fulfillment: Fulfillment },
  payments: readonly PricingPayment[],
): Promise<PricedSale> {
  const fee = order.fulfillment === "SHIPPING" ? store.shippingFee : 0;
  const { channel, lines } = order;
  const price = (shipping: number) =>
    priceSale(db, { channel, lines, shipping, payments, seller: null, offline: false });
  const priced = await price(fee);
  // The free-shipping threshold is on the goods, which are known only once priced. Pricing again in that
  // case (one more read, only for big shipped orders) keeps priceSale's one shipping number.
  const free = store.freeShippingFrom !== null && priced.totals.subtotal >= store.freeShippingFrom;
  return fee > 0 && free ? price(0) : priced;
}

export interface OrderRequest {
  channel: Extract<SaleChannel, "ONLINE" | "WHATSAPP">;
  /** The parsed input: its hash tells a replay from a reused clientId. */
  input: { clientId: string; notes?: string | undefined };
  /** Who to contact and how the goods leave; may depend on the store's terms (a WhatsApp hold's expiry). */
  contact(store: OpenStore): OrderContact;
  /**
   * Reads the store's terms and prices the order, refusing before anything is written (store closed, total
   * changed). Inside the exactly-once guard, so a replay still gets its order after such a refusal.
   */
  prepare(): Promise<{ store: OpenStore; priced: PricedSale }>;
}

async function loadOrder(db: Db, where: { id: number } | { clientId: string }) {
  return db.sale.findUnique({ where, select: { ...publicOrderSelect, requestHash: true } });
}

/**
 * Places a PENDING order exactly once per clientId and answers with the order as stored, the same shape on a
 * replay (`replayed: true`). Reading it back after COMMIT costs one query and gives replays and first answers one
 * code path.
 */
export async function recordOrder<T>(
  ctx: { db: Db; bus: EventBus },
  request: OrderRequest,
  answer: (order: PublicOrderRow, replayed: boolean) => T | Promise<T>,
): Promise<T> {
  const { db, bus } = ctx;
  const { channel, input } = request;
  const hash = requestHash({ channel, ...input });
  return exactlyOnce({
    what: "order",
    hash,
    findEarlier: async () => {
      const earlier = await loadOrder(db, { clientId: input.clientId });
      return earlier && { requestHash: earlier.requestHash, replay: await answer(earlier, true) };
    },
    run: async () => {
      const { store, priced } = await request.prepare();
      const id = await inStockTransaction(db, async (tx) => {
        const placed = await placeSale(tx, {
          clientId: input.clientId,
          requestHash: hash,
          channel,
          status: "PENDING",
          branchId: store.branch.id,
          cashierId: null,
          cashSessionId: null,
          customerId: null,
          priced,
          notes: input.notes ?? null,
          order: request.contact(store),
          offlineAt: null,
        });
        const total = fromCents(priced.totals.total);
        await announceSale(tx, bus, placed, { branchId: store.branch.id, channel, total });
        return placed.id;
      });
      const order = await loadOrder(db, { id });
      if (!order) throw new Error(`Order ${id} vanished right after it was placed`);
      return answer(order, false);
    },
  });
}
