// Customers: found and kept by staff at the register, or created at checkout. Contact details arrive
// normalised (lowercase email, digits-only phone), so a search by either finds what was typed either way.
import type { Db, Prisma } from "@pos/db";
import {
  ZCustomerCreate,
  ZCustomerUpdate,
  type TCustomerCreate,
  type TCustomerHistoryParsed,
  type TCustomerSearchParsed,
  type TCustomerUpdate,
} from "@pos/validators";
import { DomainError } from "../errors.ts";

export const customerSelect = {
  id: true,
  name: true,
  email: true,
  phone: true,
  taxId: true,
  notes: true,
  createdAt: true,
} satisfies Prisma.CustomerSelect;

export type CustomerRow = Prisma.CustomerGetPayload<{ select: typeof customerSelect }>;

export interface Page<T> {
  items: T[];
  nextCursor: number | null;
}

function page<T extends { id: number }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

/**
 * What the search box holds decides the column: an "@" means an email (prefix, as stored: lowercase), only
 * phone characters mean a phone (its digits, anywhere), anything else a name. A name search is an ILIKE,
 * which the trigram index on Customer.name serves, so it stays fast with many customers.
 */
export function customerMatch(q: string): Prisma.CustomerWhereInput {
  if (q.includes("@")) return { email: { startsWith: q.toLowerCase() } };
  const digits = q.replace(/\D/g, "");
  if (/^\+?[\d\s().-]+$/.test(q) && digits.length >= 3) return { phone: { contains: digits } };
  return { name: { contains: q, mode: "insensitive" } };
}

/** Alphabetical (then by id), paged by the last customer's id. */
export async function searchCustomers(db: Db, input: TCustomerSearchParsed): Promise<Page<CustomerRow>> {
  const rows = await db.customer.findMany({
    where: input.q ? customerMatch(input.q) : {},
    orderBy: [{ name: "asc" }, { id: "asc" }],
    ...(input.cursor != null && { cursor: { id: input.cursor }, skip: 1 }),
    take: input.limit + 1,
    select: customerSelect,
  });
  return page(rows, input.limit);
}

const customerNotFound = (id: number) =>
  new DomainError("NOT_FOUND", `Customer ${id} does not exist. Search for them again.`, { customerId: id });

export async function getCustomer(db: Db, id: number): Promise<CustomerRow> {
  const customer = await db.customer.findUnique({ where: { id }, select: customerSelect });
  if (!customer) throw customerNotFound(id);
  return customer;
}

export function createCustomer(db: Db, input: TCustomerCreate): Promise<CustomerRow> {
  const fields = ZCustomerCreate.parse(input);
  return db.customer.create({ data: fields, select: customerSelect });
}

export async function updateCustomer(db: Db, input: TCustomerUpdate): Promise<CustomerRow> {
  const { id, ...fields } = ZCustomerUpdate.parse(input);
  const { count } = await db.customer.updateMany({ where: { id }, data: fields });
  if (count === 0) throw customerNotFound(id);
  return getCustomer(db, id);
}

export const customerSaleSelect = {
  id: true,
  number: true,
  channel: true,
  status: true,
  total: true,
  createdAt: true,
  branch: { select: { id: true, name: true, code: true } },
} satisfies Prisma.SaleSelect;

type SaleRow = Prisma.SaleGetPayload<{ select: typeof customerSaleSelect }>;
export type CustomerSale = Omit<SaleRow, "total"> & { total: string };

/**
 * A customer's sales, newest first. `branchIds` comes from branchScope: a cashier's own branch only, so the
 * register never shows what the customer bought elsewhere (domain rule 7); undefined means every branch.
 */
export async function customerHistory(
  db: Db,
  input: Omit<TCustomerHistoryParsed, "branchId"> & { branchIds: number[] | undefined },
): Promise<Page<CustomerSale>> {
  await getCustomer(db, input.customerId);
  const rows = await db.sale.findMany({
    where: {
      customerId: input.customerId,
      ...(input.branchIds && { branchId: { in: input.branchIds } }),
      ...(input.cursor != null && { id: { lt: input.cursor } }),
    },
    orderBy: { id: "desc" },
    take: input.limit + 1,
    select: customerSaleSelect,
  });
  // Money leaves the API as decimal strings ("59990.00"), never as floats nor as Decimal objects.
  return page(
    rows.map((sale) => ({ ...sale, total: sale.total.toFixed(2) })),
    input.limit,
  );
}
