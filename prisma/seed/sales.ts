// One sale or order of the simulated history: lines picked by popularity from what the branch has on hand
// (the history never oversells), line totals and payments in exact cents, stock out through SALE movements.
import type { Fulfillment, SaleChannel, SaleStatus } from "@pos/db";
import { allocateCents, multiplyCents, percentOf, sumCents } from "@pos/validators";
import type { CatalogProduct, CatalogVariant } from "./catalog.ts";
import { randomAddress } from "./customers.ts";
import { settleOrder, settlePos } from "./payments.ts";
import { pickCumulative } from "./random.ts";
import { recordSale } from "./record-sale.ts";
import type { CashSessionState, Sim } from "./sim.ts";
import { DAY_MS, atLocal, localMidnight } from "./time.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const FREE_SHIPPING_FROM = 150_000_00;
const ORDER_NOTES = [
  "Dejar en portería",
  "Es para regalo: sin precio, por favor",
  "Retira mi hermano con mi DNI",
  "Tocar timbre 2B",
];

export interface Line {
  variant: CatalogVariant;
  productName: string;
  quantity: number;
  unitPrice: number;
  discount: number;
  lineTotal: number;
}

function pickSize(sim: Sim, product: CatalogProduct): CatalogVariant | undefined {
  const variants = sim.catalog.variants;
  let total = 0;
  for (let i = 0; i < product.variantCount; i += 1) total += variants[product.firstVariant + i]?.sizeWeight ?? 0;
  let roll = sim.rng.next() * total;
  for (let i = 0; i < product.variantCount; i += 1) {
    const variant = variants[product.firstVariant + i];
    roll -= variant?.sizeWeight ?? 0;
    if (roll < 0) return variant;
  }
  return variants[product.firstVariant];
}

/**
 * Adds 1–4 lines (or `wanted`), each from stock the branch has right now; a line whose pick is out of stock is
 * not sold. `lines` may already hold lines: a variant appears once per sale.
 */
export function pickLines(sim: Sim, branchId: number, online: boolean, lines: Line[] = [], wanted?: number): Line[] {
  const { rng, catalog, ledger } = sim;
  const count =
    wanted ??
    rng.weighted([
      [1, 55],
      [2, 30],
      [3, 10],
      [4, 5],
    ]);
  const used = new Set(lines.map((line) => line.variant.id));
  for (let k = 0; k < count; k += 1) {
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const product = catalog.products[pickCumulative(rng, catalog.popularity)];
      if (!product?.sellable || (online && !product.online)) continue;
      const variant = pickSize(sim, product);
      if (!variant || used.has(variant.id)) continue;
      const stock = ledger.balance(branchId, variant.id);
      if (stock < 1) {
        sim.counts.skippedLines += 1;
        continue;
      }
      const quantity = Math.min(stock, rng.chance(0.12) ? 2 : 1);
      const unitPrice = online ? variant.onlinePriceCents : variant.priceCents;
      const gross = multiplyCents(unitPrice, quantity);
      // Now and then the register applies a promotion to one line.
      const discount = !online && rng.chance(0.04) ? percentOf(gross, rng.pick([10, 15, 20])) : 0;
      lines.push({ variant, productName: product.name, quantity, unitPrice, discount, lineTotal: gross - discount });
      used.add(variant.id);
      break;
    }
  }
  return lines;
}

/** A sale at a branch register, inside the cashier's open shift (received at `at`, made at `offlineAt`). */
export function sellAtRegister(
  sim: Sim,
  branchId: number,
  at: number,
  offlineAt: number | null,
  session: CashSessionState,
): void {
  const { rng } = sim;
  const lines = pickLines(sim, branchId, false);
  if (lines.length === 0) return;
  const subtotal = sumCents(lines.map((line) => line.lineTotal));
  const settlement = settlePos(rng, subtotal, sim.payments);
  const sale = recordSale(sim, {
    channel: "POS",
    status: "COMPLETED",
    branchId,
    at,
    cashierId: session.cashierId,
    session,
    customer: rng.chance(0.25) ? sim.customer() : null,
    lines,
    settlement,
    updatedAt: at,
    cancelledAt: null,
    offlineAt,
    order: null,
  });
  sim.counts.sales += 1;
  if (!rng.chance(0.012)) return;
  // A return a few days later: one unit of one line, refunded net of the sale's discount share.
  const index = rng.int(0, lines.length - 1);
  const line = lines[index];
  const itemId = sale.itemIds[index];
  const firstPayment = settlement.payments[0];
  if (!line || itemId === undefined || !firstPayment) return;
  const lineNet =
    allocateCents(
      subtotal - settlement.discount,
      lines.map((l) => l.lineTotal),
    )[index] ?? 0;
  const unitNet =
    allocateCents(
      lineNet,
      Array.from({ length: line.quantity }, () => 1),
    )[0] ?? 0;
  if (unitNet <= 0) return;
  sim.schedule({
    kind: "return",
    at: atLocal(localMidnight(at) + rng.int(1, 10) * DAY_MS, rng.int(11, 18) + rng.next()),
    saleId: sale.id,
    branchId,
    saleItemId: itemId,
    variantId: line.variant.id,
    amount: unitNet,
    refundMethod: firstPayment.method.type,
  });
}

function orderStatus(sim: Sim, at: number, fulfillment: Fulfillment): SaleStatus {
  const age = sim.now - at;
  if (age < DAY_MS) return sim.rng.chance(0.3) ? "PENDING" : "CONFIRMED";
  if (age < 3 * DAY_MS) {
    return sim.rng.weighted<SaleStatus>([
      ["CONFIRMED", 20],
      [fulfillment === "SHIPPING" ? "SHIPPED" : "READY", 50],
      ["DELIVERED", 30],
    ]);
  }
  return sim.rng.chance(0.1) ? "CANCELLED" : "DELIVERED";
}

export interface ForcedOrder {
  status: SaleStatus;
  channel: SaleChannel;
  fulfillment: Fulfillment;
}

/**
 * A storefront or WhatsApp order, fulfilled by the fulfilment branch. Shoppers who want delivery fill the
 * basket up to the free-shipping threshold (the schema has no shipping-fee column, so the seed never needs
 * one); the others pick up at the branch.
 */
export function takeOrder(sim: Sim, at: number, forced?: ForcedOrder): void {
  const { rng } = sim;
  const customer = sim.customer();
  const branchId = sim.fulfillmentBranchId;
  if (!customer) return;
  const lines = pickLines(sim, branchId, true);
  const wantsDelivery = forced ? forced.fulfillment === "SHIPPING" : rng.chance(0.45);
  const subtotalOf = () => sumCents(lines.map((line) => line.lineTotal));
  for (let extra = 0; wantsDelivery && extra < 6 && subtotalOf() < FREE_SHIPPING_FROM; extra += 1)
    pickLines(sim, branchId, true, lines, 1);
  if (lines.length === 0) return;
  const channel = forced?.channel ?? (rng.chance(0.3) ? "WHATSAPP" : "ONLINE");
  const subtotal = subtotalOf();
  const settlement = settleOrder(rng, subtotal, channel === "WHATSAPP" ? "WHATSAPP" : "ONLINE", sim.payments);
  const fulfillment: Fulfillment = wantsDelivery && subtotal >= FREE_SHIPPING_FROM ? "SHIPPING" : "PICKUP";
  const forcedStatus = forced?.status === "SHIPPED" && fulfillment === "PICKUP" ? "READY" : forced?.status;
  const status = forcedStatus ?? orderStatus(sim, at, fulfillment);
  const cancelledAt = status === "CANCELLED" ? at + rng.int(1, 48) * HOUR : null;
  const updates: Partial<Record<SaleStatus, number>> = {
    PENDING: at,
    CONFIRMED: at + rng.int(5, 90) * MINUTE,
    READY: at + rng.int(2, 20) * HOUR,
    SHIPPED: at + rng.int(2, 20) * HOUR,
    DELIVERED: at + rng.int(24, 72) * HOUR,
  };
  const sale = recordSale(sim, {
    channel,
    status,
    branchId,
    at,
    cashierId: null,
    session: null,
    customer,
    lines,
    settlement,
    updatedAt: Math.min(sim.now, cancelledAt ?? updates[status] ?? at),
    cancelledAt,
    offlineAt: null,
    order: {
      contactName: customer.name,
      contactEmail: customer.email,
      contactPhone: customer.phone,
      fulfillment,
      shippingAddress: fulfillment === "SHIPPING" ? randomAddress(rng) : null,
      // A WhatsApp order holds its stock for the store's orderHoldMinutes (120).
      expiresAt: channel === "WHATSAPP" ? at + 120 * MINUTE : null,
      notes: rng.chance(0.1) ? rng.pick(ORDER_NOTES) : null,
    },
  });
  sim.counts.orders += 1;
  if (cancelledAt !== null) {
    const stock = lines.map((line) => ({ variantId: line.variant.id, quantity: line.quantity }));
    sim.schedule({ kind: "cancel", at: cancelledAt, saleId: sale.id, branchId, lines: stock });
  }
}
