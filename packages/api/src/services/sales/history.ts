// Finding past sales: by the reference on a receipt (typed or scanned) and as a paged history.
import type { Db, Prisma } from "@pos/db";
import { formatSaleReference, parseSaleReference, type TSaleListParsed } from "@pos/validators";
import { DomainError } from "../../errors.ts";

const saleRowSelect = {
  id: true,
  number: true,
  channel: true,
  status: true,
  total: true,
  createdAt: true,
  createdOffline: true,
  branchId: true,
  branch: { select: { code: true, name: true } },
  cashier: { select: { id: true, name: true } },
  customer: { select: { id: true, name: true } },
  _count: { select: { items: true } },
} satisfies Prisma.SaleSelect;

type SaleRow = Prisma.SaleGetPayload<{ select: typeof saleRowSelect }>;

function toSummary(sale: SaleRow) {
  const { branch, _count, total, ...rest } = sale;
  return {
    ...rest,
    reference: formatSaleReference(branch.code, sale.number),
    branchName: branch.name,
    total: total.toFixed(2),
    lineCount: _count.items,
  };
}

export type SaleSummary = ReturnType<typeof toSummary>;

/** The sale a receipt names, within the branches the caller may see (`undefined` = all). */
export async function findSaleByReference(db: Db, reference: string, branchIds: number[] | undefined) {
  const parsed = parseSaleReference(reference);
  const sale = parsed
    ? await db.sale.findFirst({
        where: { number: parsed.number, branch: { code: parsed.branchCode } },
        select: saleRowSelect,
      })
    : null;
  if (!sale) throw new DomainError("NOT_FOUND", `No sale ${reference.trim()}. Check the number on the receipt.`);
  if (branchIds && !branchIds.includes(sale.branchId)) {
    throw new DomainError("FORBIDDEN", `Sale ${reference.trim()} belongs to another branch.`);
  }
  return toSummary(sale);
}

export async function listSales(db: Db, input: TSaleListParsed, branchIds: number[] | undefined) {
  const rows = await db.sale.findMany({
    where: {
      branchId: branchIds ? { in: branchIds } : undefined,
      cashierId: input.cashierId,
      createdAt: { gte: input.from, lt: input.to },
      id: input.cursor ? { lt: input.cursor } : undefined,
    },
    select: saleRowSelect,
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit).map(toSummary);
  return { items: page, nextCursor: rows.length > input.limit ? page.at(-1)?.id : undefined };
}
