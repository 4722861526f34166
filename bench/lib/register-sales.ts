// Register sales for the benchmarks that sell: a manager with an open register (cash session) at every branch,
// a sample of sellable variants topped up with plenty of stock, and valid 3-line `sales.create` inputs.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { SessionUser } from "@pos/api";
import { amountDue, fromCents, toCents } from "@pos/validators";

export const LINES_PER_SALE = 3;
const VARIANTS = 300;

export interface Item {
  id: number;
  price: number;
  cost: number;
  taxRate: string;
  name: string;
  size: string | null;
  sku: string;
}

export interface Register {
  branchId: number;
  sessionId: number;
}

export interface Setup {
  /** A manager: sells at every branch, each through its own open cash session (a register per branch). */
  user: SessionUser;
  registers: Register[];
  methodId: number;
  items: Item[];
  pricesIncludeTax: boolean;
}

async function openRegister(pool: pg.Pool, userId: number, branchId: number): Promise<Register> {
  const open = await pool.query<{ id: number }>(
    `SELECT id FROM "CashSession" WHERE "cashierId" = $1 AND "branchId" = $2 AND "closedAt" IS NULL LIMIT 1`,
    [userId, branchId],
  );
  const sessionId =
    open.rows[0]?.id ??
    (
      await pool.query<{ id: number }>(
        `INSERT INTO "CashSession" ("branchId", "cashierId", "openingFloat") VALUES ($1, $2, 0) RETURNING id`,
        [branchId, userId],
      )
    ).rows[0]?.id;
  if (sessionId === undefined) throw new Error("Could not open a cash session");
  return { branchId, sessionId };
}

export async function prepare(pool: pg.Pool): Promise<Setup> {
  const users = await pool.query<SessionUser>(
    `SELECT id, name, email, role, "branchId" FROM "User" WHERE role = 'MANAGER' AND active ORDER BY id LIMIT 1`,
  );
  const user = users.rows[0];
  if (!user) throw new Error("No active manager in the database: seed it first");
  const branches = await pool.query<{ id: number }>(`SELECT id FROM "Branch" WHERE active ORDER BY id`);
  const registers: Register[] = [];
  for (const branch of branches.rows) registers.push(await openRegister(pool, user.id, branch.id));
  const method = await pool.query<{ id: number }>(
    `SELECT id FROM "PaymentMethodConfig" WHERE type = 'DEBIT' AND active AND "adjustmentPercent" = 0 LIMIT 1`,
  );
  const methodId = method.rows[0]?.id;
  if (methodId === undefined) throw new Error("No debit payment method without adjustment");
  const config = await pool.query<{ pricesIncludeTax: boolean }>(`SELECT "pricesIncludeTax" FROM "StoreConfig"`);
  const rows = await pool.query<{
    id: number;
    price: string;
    cost: string;
    taxRate: string;
    name: string;
    size: string | null;
    sku: string;
  }>(
    `SELECT v.id, COALESCE(v."priceOverride", p.price)::text AS price, p.cost::text AS cost, p."taxRate"::text AS "taxRate",
            p.name, v."sizeLabel" AS size, v.sku
       FROM "Variant" v TABLESAMPLE SYSTEM (2) JOIN "Product" p ON p.id = v."productId"
      WHERE v.active AND p.active LIMIT ${VARIANTS}`,
  );
  const items = rows.rows.map((row) => ({ ...row, price: toCents(row.price), cost: toCents(row.cost) }));
  // Enough stock that no sale fails for stock during the run, added through the ledger (PURCHASE movements).
  await pool.query(
    `WITH topped AS (
       INSERT INTO "StockLevel" ("branchId", "variantId", quantity, "updatedAt")
       SELECT b, v, 100000, now() FROM unnest($1::int[]) AS b, unnest($2::int[]) AS v
       ON CONFLICT ("branchId", "variantId") DO UPDATE SET quantity = "StockLevel".quantity + 100000, "updatedAt" = now()
       RETURNING "branchId", "variantId", quantity)
     INSERT INTO "InventoryMovement" ("branchId", "variantId", quantity, "balanceAfter", type, reason)
     SELECT "branchId", "variantId", 100000, quantity, 'PURCHASE', 'checkout benchmark stock' FROM topped`,
    [registers.map((register) => register.branchId), items.map((item) => item.id)],
  );
  return { user, registers, methodId, items, pricesIncludeTax: config.rows[0]?.pricesIncludeTax ?? true };
}

/** Sale i's three distinct items, spread over the sample so concurrent sales rarely wait on the same row. */
export function linesOf(setup: Setup, i: number): Item[] {
  const n = setup.items.length;
  return Array.from({ length: LINES_PER_SALE }, (_, k) => setup.items[(i * 7 + k * 101) % n]).filter(
    (item): item is Item => item !== undefined,
  );
}

export function dueOf(setup: Setup, items: Item[]): number {
  return amountDue({
    lines: items.map((item) => ({ quantity: 1, unitPrice: item.price, discount: 0, taxRate: item.taxRate })),
    saleDiscount: 0,
    shipping: 0,
    pricesIncludeTax: setup.pricesIncludeTax,
  });
}

/** Sales go round the registers: each branch's counter row is contended only by its own registers. */
export function registerOf(setup: Setup, i: number): Register {
  const register = setup.registers[i % setup.registers.length];
  if (!register) throw new Error("No registers");
  return register;
}

export function apiSale(setup: Setup, i: number) {
  const items = linesOf(setup, i);
  return {
    clientId: randomUUID(),
    branchId: registerOf(setup, i).branchId,
    lines: items.map((item) => ({ variantId: item.id, quantity: 1 })),
    payments: [{ methodId: setup.methodId, base: fromCents(dueOf(setup, items)) }],
  };
}
