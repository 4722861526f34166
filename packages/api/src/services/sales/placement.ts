// Writes a priced sale inside the caller's transaction, for every channel: the stock guard first (domain rule
// 1: a conditional decrement decided by the database), then the branch's next number, then the rows. The
// number is taken only once the stock is secured, so a sale that fails for stock never burns a number, and
// the branch row lock that keeps numbers gapless is held for the few inserts that follow, not the whole sale.
import type { Fulfillment, SaleChannel, SaleStatus } from "@pos/db";
import { formatSaleReference, fromCents } from "@pos/validators";
import { DomainError } from "../../errors.ts";
import type { EventBus } from "../../events/index.ts";
import { announceStockChanges, shiftStockLevels, type AppliedChange, type Tx } from "../stock-ledger.ts";
import type { PricedSale } from "./pricing.ts";

export interface OrderContact {
  contactName: string;
  contactEmail: string | null;
  contactPhone: string | null;
  fulfillment: Fulfillment;
  shippingAddress: string | null;
  /** WhatsApp holds: when the stock goes back on the shelf if nobody confirms. */
  expiresAt: Date | null;
}

export interface SaleDraft {
  clientId: string;
  requestHash: string;
  channel: SaleChannel;
  status: SaleStatus;
  branchId: number;
  cashierId: number | null;
  cashSessionId: number | null;
  customerId: number | null;
  priced: PricedSale;
  notes: string | null;
  order: OrderContact | null;
  /** Offline sync: when the register made the sale. Stock may go below zero; the shortfall is recorded. */
  offlineAt: Date | null;
}

export interface Shortfall {
  variantId: number;
  /** Units sold beyond what the branch had when the sale reached the server. */
  quantity: number;
}

export interface PlacedSale {
  id: number;
  number: number;
  reference: string;
  applied: AppliedChange[];
  shortfalls: Shortfall[];
}

function shortfallsOf(applied: readonly AppliedChange[]): Shortfall[] {
  return applied.flatMap((change) =>
    change.balanceAfter < 0
      ? [{ variantId: change.variantId, quantity: Math.min(-change.balanceAfter, -change.quantity) }]
      : [],
  );
}

/** Decimal strings for numeric columns; the JSON below carries them as text so no float is ever involved. */
const money = (cents: number) => fromCents(cents);

/**
 * Checks the cash session is still open, numbers the sale and writes it with its lines, payments, movements and shortfalls in ONE statement. The
 * UPDATE of the branch's counter takes the row lock that keeps numbers gapless, and every other sale of the
 * branch queues on it until COMMIT: one round trip inside that window instead of five is what lets a busy
 * branch's registers sell in parallel (see `pnpm bench checkout`).
 */
async function writeSale(
  tx: Tx,
  draft: SaleDraft,
  applied: readonly AppliedChange[],
  shortfalls: readonly Shortfall[],
) {
  const { priced, branchId, order } = draft;
  const { totals } = priced;
  // A register sale joins its cash session only while it is open: the share lock waits for a close in progress
  // (and a close waits for sales in flight), so a counted drawer's figures never change afterwards. Offline
  // sales are exempt: they are accepted whatever happened to the session since (domain rule 2).
  const requireOpenSession = draft.cashSessionId !== null && draft.offlineAt === null;
  const items = priced.lines.map((line) => ({
    variantId: line.variantId,
    productName: line.productName,
    sizeLabel: line.sizeLabel,
    sku: line.sku,
    quantity: line.quantity,
    unitPrice: money(line.unitPrice),
    unitCost: money(line.unitCost),
    discount: money(line.discount),
    taxRate: line.taxRate,
    lineTotal: money(line.lineTotal),
  }));
  const payments = priced.payments.map((payment) => ({
    method: payment.type,
    methodConfigId: payment.methodId,
    amount: money(payment.amount),
    installments: payment.installments,
    surcharge: money(payment.surcharge),
    tendered: payment.tendered === null ? null : money(payment.tendered),
    reference: payment.reference,
  }));
  const movements = applied.map((change) => ({
    variantId: change.variantId,
    quantity: change.quantity,
    balanceAfter: change.balanceAfter,
    userId: change.userId ?? null,
  }));
  const rows = await tx.$queryRaw<{ id: number; number: number; code: string }[]>`
    WITH session AS (
      SELECT "id" FROM "CashSession" WHERE "id" = ${draft.cashSessionId}::int AND "closedAt" IS NULL FOR SHARE
    ), numbered AS (
      UPDATE "Branch" SET "lastSaleNumber" = "lastSaleNumber" + 1
       WHERE "id" = ${branchId} AND (${!requireOpenSession} OR EXISTS (SELECT 1 FROM session))
      RETURNING "lastSaleNumber" AS "number", "code"
    ), sale AS (
      INSERT INTO "Sale" ("channel", "status", "branchId", "number", "clientId", "requestHash", "cashierId",
        "customerId", "cashSessionId", "subtotal", "discount", "tax", "surcharge", "shipping", "total", "notes",
        "contactName", "contactEmail", "contactPhone", "fulfillment", "shippingAddress", "expiresAt",
        "createdOffline", "offlineCreatedAt", "updatedAt")
      SELECT ${draft.channel}::"SaleChannel", ${draft.status}::"SaleStatus", ${branchId}, numbered."number",
        ${draft.clientId}::uuid, ${draft.requestHash}, ${draft.cashierId}, ${draft.customerId}, ${draft.cashSessionId},
        ${money(totals.subtotal)}::numeric, ${money(totals.discount)}::numeric, ${money(totals.tax)}::numeric,
        ${money(totals.surcharge)}::numeric, ${money(totals.shipping)}::numeric, ${money(totals.total)}::numeric,
        ${draft.notes}, ${order?.contactName ?? null}, ${order?.contactEmail ?? null}, ${order?.contactPhone ?? null},
        ${order?.fulfillment ?? null}::"Fulfillment", ${order?.shippingAddress ?? null}, ${order?.expiresAt ?? null},
        ${draft.offlineAt !== null}, ${draft.offlineAt}, now()
      FROM numbered
      RETURNING "id", "number"
    ), items AS (
      INSERT INTO "SaleItem" ("saleId", "variantId", "productName", "sizeLabel", "sku", "quantity", "unitPrice",
        "unitCost", "discount", "taxRate", "lineTotal")
      SELECT sale."id", i."variantId", i."productName", i."sizeLabel", i."sku", i."quantity", i."unitPrice",
        i."unitCost", i."discount", i."taxRate", i."lineTotal"
      FROM sale, jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS i("variantId" int, "productName" text,
        "sizeLabel" text, "sku" text, "quantity" int, "unitPrice" numeric, "unitCost" numeric, "discount" numeric,
        "taxRate" numeric, "lineTotal" numeric)
    ), payments AS (
      INSERT INTO "Payment" ("saleId", "method", "methodConfigId", "amount", "installments", "surcharge",
        "tendered", "reference")
      SELECT sale."id", p."method"::"PaymentType", p."methodConfigId", p."amount", p."installments", p."surcharge",
        p."tendered", p."reference"
      FROM sale, jsonb_to_recordset(${JSON.stringify(payments)}::jsonb) AS p("method" text, "methodConfigId" int,
        "amount" numeric, "installments" int, "surcharge" numeric, "tendered" numeric, "reference" text)
    ), movements AS (
      INSERT INTO "InventoryMovement" ("branchId", "variantId", "quantity", "balanceAfter", "type", "userId", "saleId")
      SELECT ${branchId}, m."variantId", m."quantity", m."balanceAfter", 'SALE', m."userId", sale."id"
      FROM sale, jsonb_to_recordset(${JSON.stringify(movements)}::jsonb) AS m("variantId" int, "quantity" int,
        "balanceAfter" int, "userId" int)
    ), shortfalls AS (
      INSERT INTO "StockShortfall" ("branchId", "variantId", "saleId", "quantity")
      SELECT ${branchId}, f."variantId", sale."id", f."quantity"
      FROM sale, jsonb_to_recordset(${JSON.stringify(shortfalls)}::jsonb) AS f("variantId" int, "quantity" int)
    )
    SELECT sale."id", sale."number", numbered."code" FROM sale, numbered`;
  const row = rows[0];
  if (!row) {
    // The branch exists (the procedure checked it), so the session was closed since the sale was priced.
    throw new DomainError(
      "PRECONDITION_FAILED",
      "This cash session was just closed. Open a new one and confirm the sale again.",
    );
  }
  return row;
}

export async function placeSale(tx: Tx, draft: SaleDraft): Promise<PlacedSale> {
  const { priced, branchId } = draft;
  const applied = await shiftStockLevels(
    tx,
    priced.lines.map((line) => ({
      branchId,
      variantId: line.variantId,
      quantity: -line.quantity,
      type: "SALE" as const,
      userId: draft.cashierId,
    })),
    { allowNegative: draft.offlineAt !== null, facts: priced.stockFacts },
  );
  const shortfalls = shortfallsOf(applied);
  const { id, number, code } = await writeSale(tx, draft, applied, shortfalls);
  const withSale = applied.map((change) => ({ ...change, saleId: id }));
  return { id, number, reference: formatSaleReference(code, number), applied: withSale, shortfalls };
}

/** Tells registers, product pages and the dashboard, released by the COMMIT (see stock-ledger.ts). */
export async function announceSale(
  tx: Tx,
  bus: EventBus,
  placed: PlacedSale,
  sale: { branchId: number; channel: SaleChannel; total: string },
): Promise<void> {
  await announceStockChanges(tx, bus, placed.applied);
  await bus.publishInTransaction(tx, "sale.created", {
    saleId: placed.id,
    branchId: sale.branchId,
    channel: sale.channel,
    total: sale.total,
  });
  if (placed.shortfalls.length > 0) {
    await bus.publishInTransaction(tx, "stock.shortfall", {
      saleId: placed.id,
      branchId: sale.branchId,
      shortfalls: placed.shortfalls,
    });
  }
}
