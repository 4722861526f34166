// Goods coming back from a past register sale: refunded in exact cents (the arithmetic is @pos/validators'
// returns.ts, shared with the register), back on the shelf through RETURN movements unless damaged, and out of
// the refunder's drawer when refunded in cash. An exchange is a return followed by a new sale.
import type { Db, Prisma } from "@pos/db";
import {
  formatSaleReference,
  fromCents,
  lineRefundCents,
  paidPerLine,
  sumCents,
  toCents,
  type Cents,
  type TSaleReturnParsed,
} from "@pos/validators";
import type { SessionUser } from "../../context.ts";
import { DomainError } from "../../errors.ts";
import type { EventBus } from "../../events/index.ts";
import { recordAudit } from "../audit.ts";
import { lockSale, type LockedSale } from "../orders/cancel.ts";
import {
  announceStockChanges,
  applyStockChanges,
  describeVariant,
  inStockTransaction,
  type Tx,
} from "../stock-ledger.ts";
import { exactlyOnce, requestHash } from "./once.ts";

/** What the register gets back, the same on a replay (except `replayed`). */
export interface ReturnResult {
  returnId: number;
  saleId: number;
  /** The sale's receipt reference, e.g. "CEN-000123". */
  reference: string;
  refundAmount: string;
  refundMethod: TSaleReturnParsed["refundMethod"];
  lines: { saleItemId: number; quantity: number; amount: string; restocked: boolean }[];
  /** True when this clientId had already been recorded and nothing new was created. */
  replayed: boolean;
}

interface ReturnContent {
  saleId: number;
  refundMethod: string;
  reason?: string | null | undefined;
  lines: readonly { saleItemId: number; quantity: number; restock: boolean }[];
}

/**
 * What a return asked for, in a form the request and the rows it left both give: Return has no request-hash
 * column (sales have one), so a resent clientId is compared with what was recorded under it instead.
 */
function contentHash(content: ReturnContent): string {
  const lines = [...content.lines]
    .sort((a, b) => a.saleItemId - b.saleItemId)
    .map((line) => [line.saleItemId, line.quantity, line.restock]);
  return requestHash({
    saleId: content.saleId,
    refundMethod: content.refundMethod,
    reason: content.reason ?? null,
    lines,
  });
}

const earlierReturnSelect = {
  id: true,
  saleId: true,
  refundAmount: true,
  refundMethod: true,
  reason: true,
  sale: { select: { number: true, branch: { select: { code: true } } } },
  items: { select: { saleItemId: true, quantity: true, amount: true, restocked: true }, orderBy: { id: "asc" } },
} satisfies Prisma.ReturnSelect;

async function findEarlierReturn(db: Db, clientId: string) {
  const found = await db.return.findUnique({ where: { clientId }, select: earlierReturnSelect });
  if (!found) return null;
  const lines = found.items.map((item) => ({ ...item, amount: fromCents(toCents(item.amount)) }));
  const replay: ReturnResult = {
    returnId: found.id,
    saleId: found.saleId,
    reference: formatSaleReference(found.sale.branch.code, found.sale.number),
    refundAmount: fromCents(toCents(found.refundAmount)),
    refundMethod: found.refundMethod,
    lines,
    replayed: true,
  };
  const recorded = lines.map((line) => ({ ...line, restock: line.restocked }));
  return { requestHash: contentHash({ ...found, lines: recorded }), replay };
}

function assertReturnable(sale: LockedSale): void {
  if (sale.status === "COMPLETED") return;
  const why =
    sale.status === "VOIDED"
      ? "was voided, so its goods are back already"
      : sale.status === "CANCELLED"
        ? "was cancelled"
        : `is an order (${sale.status}), not a completed sale`;
  throw new DomainError("CONFLICT", `Sale ${sale.reference} ${why}: only completed sales take returns.`, {
    status: sale.status,
  });
}

interface PricedReturnLine {
  saleItemId: number;
  variantId: number;
  quantity: number;
  amount: Cents;
  restocked: boolean;
}

/**
 * Each line of a sale with what can still come back: units sold and returned so far, and what the customer paid
 * for the line's goods (the sale's discounts spread over it, surcharges and shipping left out). The register shows
 * it before a return; priceReturn decides from the same figures under the sale's lock.
 */
export async function returnableLines(db: Db | Tx, saleId: number) {
  const { total, surcharge, shipping, items } = await db.sale.findUniqueOrThrow({
    where: { id: saleId },
    select: {
      total: true,
      surcharge: true,
      shipping: true,
      items: {
        select: {
          id: true,
          variantId: true,
          productName: true,
          sizeLabel: true,
          quantity: true,
          lineTotal: true,
          returnItems: { select: { quantity: true } },
        },
        orderBy: { id: "asc" },
      },
    },
  });
  const paid = paidPerLine({
    total: toCents(total),
    surcharge: toCents(surcharge),
    shipping: toCents(shipping),
    lineTotals: items.map((item) => toCents(item.lineTotal)),
  });
  return items.map((item, index) => ({
    saleItemId: item.id,
    variantId: item.variantId,
    productName: item.productName,
    sizeLabel: item.sizeLabel,
    sold: item.quantity,
    returned: sumCents(item.returnItems.map((returnItem) => returnItem.quantity)),
    paid: paid[index] ?? 0,
  }));
}

/** What the register shows before a return: the sale and each line's returnable units and paid amount. */
export async function readReturnable(db: Db, sale: { id: number; status: string }) {
  const lines = await returnableLines(db, sale.id);
  return {
    saleId: sale.id,
    /** Only COMPLETED sales take returns (returnSale refuses the others with the reason). */
    status: sale.status,
    lines: lines.map(({ paid, ...line }) => ({ ...line, paid: fromCents(paid) })),
  };
}

/**
 * Prices each requested line against what is left of it. Runs under the sale's row lock, so the units already
 * returned cannot change before this return commits: two returns of the last unit take turns, the second finds
 * nothing left.
 */
async function priceReturn(tx: Tx, sale: LockedSale, request: TSaleReturnParsed): Promise<PricedReturnLine[]> {
  const items = await returnableLines(tx, sale.id);
  return request.lines.map((line) => {
    const item = items.find((candidate) => candidate.saleItemId === line.saleItemId);
    if (!item) {
      throw new DomainError("BAD_REQUEST", `Line ${line.saleItemId} is not on sale ${sale.reference}.`, {
        saleItemId: line.saleItemId,
      });
    }
    const { returned } = item;
    const remaining = item.sold - returned;
    if (line.quantity > remaining) {
      const what = describeVariant({ sizeLabel: item.sizeLabel, product: { name: item.productName } });
      throw new DomainError(
        "CONFLICT",
        remaining === 0
          ? `Every ${what} of sale ${sale.reference} has been returned already.`
          : `Only ${remaining} of ${what} can still be returned from sale ${sale.reference} (${item.sold} sold, ${returned} returned); ${line.quantity} requested.`,
        { saleItemId: item.saleItemId, remaining, requested: line.quantity },
      );
    }
    return {
      saleItemId: item.saleItemId,
      variantId: item.variantId,
      quantity: line.quantity,
      amount: lineRefundCents(item.paid, item.sold, returned, line.quantity),
      restocked: line.restock,
    };
  });
}

/**
 * Cash comes out of the refunder's drawer at this branch, so a cash refund needs their open session, held with a
 * share lock until COMMIT as a sale holds it: a close waits for the refund and counts it, or closes first and the
 * refund is refused. The drawer finds refunds by cashier, branch and time (cash-drawer.ts), so the return is
 * stamped with the database clock under that lock, the clock a close stamps `closedAt` with.
 */
async function cashRefundTime(tx: Tx, branchId: number, userId: number): Promise<Date> {
  const rows = await tx.$queryRaw<{ now: Date }[]>`
    SELECT clock_timestamp() AS "now" FROM "CashSession"
     WHERE "branchId" = ${branchId} AND "cashierId" = ${userId} AND "closedAt" IS NULL
     ORDER BY "openedAt" DESC LIMIT 1
       FOR SHARE`;
  const row = rows[0];
  if (!row) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "Cash refunds come out of your drawer: open a cash session at this branch first, or refund another way.",
    );
  }
  return row.now;
}

export async function returnSale(
  ctx: { db: Db; bus: EventBus },
  input: TSaleReturnParsed,
  actor: Pick<SessionUser, "id">,
): Promise<ReturnResult> {
  const { db } = ctx;
  return exactlyOnce({
    what: "return",
    hash: contentHash(input),
    findEarlier: () => findEarlierReturn(db, input.clientId),
    run: () =>
      inStockTransaction(db, async (tx) => {
        const sale = await lockSale(tx, input.saleId);
        assertReturnable(sale);
        const lines = await priceReturn(tx, sale, input);
        const createdAt = input.refundMethod === "CASH" ? await cashRefundTime(tx, sale.branchId, actor.id) : undefined;
        const refund = sumCents(lines.map((line) => line.amount));
        // The Return row first: a resent clientId fails here, on the unique index, before any stock moves.
        const created = await tx.return.create({
          data: {
            clientId: input.clientId,
            saleId: sale.id,
            branchId: sale.branchId,
            userId: actor.id,
            refundAmount: fromCents(refund),
            refundMethod: input.refundMethod,
            reason: input.reason ?? null,
            ...(createdAt ? { createdAt } : {}),
            items: {
              create: lines.map(({ amount, ...line }) => ({ ...line, amount: fromCents(amount) })),
            },
          },
          select: { id: true },
        });
        // Damaged goods are refunded but stay off the shelf: no stock change, no movement.
        const applied = await applyStockChanges(
          tx,
          lines
            .filter((line) => line.restocked)
            .map((line) => ({
              branchId: sale.branchId,
              variantId: line.variantId,
              quantity: line.quantity,
              type: "RETURN" as const,
              reason: input.reason ?? `Return of ${sale.reference}`,
              userId: actor.id,
              returnId: created.id,
            })),
        );
        const result: ReturnResult = {
          returnId: created.id,
          saleId: sale.id,
          reference: sale.reference,
          refundAmount: fromCents(refund),
          refundMethod: input.refundMethod,
          lines: lines.map(({ saleItemId, quantity, amount, restocked }) => ({
            saleItemId,
            quantity,
            amount: fromCents(amount),
            restocked,
          })),
          replayed: false,
        };
        await recordAudit(tx, {
          actorId: actor.id,
          action: "sale.refunded",
          entity: "Sale",
          entityId: sale.id,
          data: {
            returnId: created.id,
            reference: sale.reference,
            refundAmount: result.refundAmount,
            refundMethod: input.refundMethod,
            reason: input.reason ?? null,
            lines: result.lines,
          },
        });
        await announceStockChanges(tx, ctx.bus, applied);
        return result;
      }),
  });
}

/** The returns made on a sale, oldest first: when, by whom, what came back (and whether to the shelf), the refund. */
export async function listSaleReturns(db: Db, saleId: number) {
  const rows = await db.return.findMany({
    where: { saleId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      createdAt: true,
      refundAmount: true,
      refundMethod: true,
      reason: true,
      user: { select: { name: true } },
      items: {
        orderBy: { id: "asc" },
        select: {
          quantity: true,
          amount: true,
          restocked: true,
          saleItem: { select: { productName: true, sizeLabel: true } },
        },
      },
    },
  });
  return rows.map(({ user, refundAmount, items, ...row }) => ({
    ...row,
    by: user.name,
    refundAmount: refundAmount.toFixed(2),
    items: items.map(({ saleItem, amount, ...item }) => ({ ...item, ...saleItem, amount: amount.toFixed(2) })),
  }));
}
