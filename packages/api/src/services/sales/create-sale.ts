// A register sale, from the parsed request to the committed rows and the events that announce it.
import type { Db, Prisma } from "@pos/db";
import { formatSaleReference, fromCents, toCents, type TSaleCreateParsed } from "@pos/validators";
import type { SessionUser } from "../../context.ts";
import { DomainError } from "../../errors.ts";
import type { EventBus } from "../../events/index.ts";
import { recordAudit } from "../audit.ts";
import { findOpenCashSession } from "../cash-sessions.ts";
import { inStockTransaction } from "../stock-ledger.ts";
import { exactlyOnce, requestHash } from "./once.ts";
import { announceSale, placeSale, type Shortfall } from "./placement.ts";
import { priceSale } from "./pricing.ts";

/** What the register gets back, the same on a replay (except `replayed`). */
export interface SaleResult {
  saleId: number;
  number: number;
  /** Printed on the receipt and encoded in its barcode, e.g. "CEN-000123". */
  reference: string;
  total: string;
  change: string;
  createdOffline: boolean;
  /** Offline sales only: units sold beyond what the branch had when the sale arrived. */
  shortfalls: Shortfall[];
  /** True when this clientId had already been recorded and nothing new was created. */
  replayed: boolean;
}

const earlierSaleSelect = {
  id: true,
  number: true,
  requestHash: true,
  total: true,
  createdOffline: true,
  branch: { select: { code: true } },
  payments: { select: { amount: true, tendered: true } },
  shortfalls: { select: { variantId: true, quantity: true }, orderBy: { variantId: "asc" } },
} satisfies Prisma.SaleSelect;

type EarlierSale = Prisma.SaleGetPayload<{ select: typeof earlierSaleSelect }>;

function replayOf(sale: EarlierSale): SaleResult {
  const change = sale.payments.reduce(
    (sum, payment) => sum + (payment.tendered ? toCents(payment.tendered) - toCents(payment.amount) : 0),
    0,
  );
  return {
    saleId: sale.id,
    number: sale.number,
    reference: formatSaleReference(sale.branch.code, sale.number),
    total: sale.total.toFixed(2),
    change: fromCents(change),
    createdOffline: sale.createdOffline,
    shortfalls: sale.shortfalls,
    replayed: true,
  };
}

async function assertCustomer(db: Db, customerId: number | undefined): Promise<void> {
  if (customerId === undefined) return;
  const customer = await db.customer.findUnique({ where: { id: customerId }, select: { id: true } });
  if (!customer) throw new DomainError("NOT_FOUND", `Customer ${customerId} does not exist.`, { customerId });
}

async function findEarlierSale(db: Db, clientId: string) {
  const sale = await db.sale.findUnique({ where: { clientId }, select: earlierSaleSelect });
  return sale ? { requestHash: sale.requestHash, replay: replayOf(sale) } : null;
}

export async function createSale(
  ctx: { db: Db; bus: EventBus },
  input: TSaleCreateParsed,
  seller: Pick<SessionUser, "id" | "role">,
): Promise<SaleResult> {
  const { db } = ctx;
  // `offlineAt` says how the sale reached the server, not what was sold: a register that never heard the answer
  // to its first attempt resends the sale from its offline queue with it, and must get that first answer back.
  const hash = requestHash({ ...input, offlineAt: undefined });
  const offline = input.offlineAt !== undefined;
  return exactlyOnce({
    what: "sale",
    hash,
    findEarlier: () => findEarlierSale(db, input.clientId),
    run: async () => {
      // Reads that decide nothing under concurrency happen before the transaction and side by side, so the
      // transaction holds its locks only for the stock guard and the one statement that writes the sale.
      const [session, priced] = await Promise.all([
        findOpenCashSession(db, input.branchId, seller.id),
        priceSale(db, {
          channel: "POS",
          lines: input.lines,
          discount: input.discount,
          payments: input.payments,
          seller,
          offline,
        }),
        assertCustomer(db, input.customerId),
      ]);
      if (!session && !offline) {
        throw new DomainError("PRECONDITION_FAILED", "Open a cash session at this register before selling.");
      }
      const total = fromCents(priced.totals.total);
      if (!offline && input.expectedTotal !== undefined && toCents(input.expectedTotal) !== priced.totals.total) {
        throw new DomainError(
          "CONFLICT",
          `The total is now ${total}, not ${input.expectedTotal}: prices or payment terms changed. Review the sale and confirm again.`,
          { reason: "TOTAL_CHANGED", total },
        );
      }
      return inStockTransaction(db, async (tx) => {
        const placed = await placeSale(tx, {
          clientId: input.clientId,
          requestHash: hash,
          channel: "POS",
          status: "COMPLETED",
          branchId: input.branchId,
          cashierId: seller.id,
          cashSessionId: session?.id ?? null,
          customerId: input.customerId ?? null,
          priced,
          notes: input.notes ?? null,
          order: null,
          offlineAt: input.offlineAt ?? null,
        });
        if (priced.deviations.length > 0 || placed.shortfalls.length > 0) {
          await recordAudit(tx, {
            actorId: seller.id,
            action: "sale.offline_exceptions",
            entity: "Sale",
            entityId: placed.id,
            data: {
              reference: placed.reference,
              deviations: priced.deviations,
              shortfalls: placed.shortfalls.map((shortfall) => ({ ...shortfall })),
            },
          });
        }
        await announceSale(tx, ctx.bus, placed, { branchId: input.branchId, channel: "POS", total });
        return {
          saleId: placed.id,
          number: placed.number,
          reference: placed.reference,
          total,
          change: fromCents(priced.change),
          createdOffline: offline,
          shortfalls: placed.shortfalls,
          replayed: false,
        };
      });
    },
  });
}
