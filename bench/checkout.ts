// `pnpm bench checkout [--url U] [--seconds S] [--warmup N] [--concurrency C]`
// Register sales (`sales.create`, three lines, debit) over real HTTP through the appRouter at concurrency 1, 8
// and 32, each next to its floor from the same run: the same writes done with plain pg, one transaction per
// sale (conditional stock decrements, the branch's next number, sale, lines, payment, movements). Prints the
// throughput ratio (ours / floor) and the SQL statements each sale costs on both sides.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { createPrismaClient } from "@pos/db";
import { connectPgEventBus, type EventBus, type SessionUser } from "@pos/api";
import { amountDue, fromCents, lineTotalCents, toCents } from "@pos/validators";
import { intFlag, parseFlags } from "./lib/args.ts";
import { countingPool } from "./lib/counting-pool.ts";
import { benchDatabase } from "./lib/db.ts";
import { note, printResult } from "./lib/report.ts";
import { runBench } from "./lib/runner.ts";
import { startTrpcServer, trpcMutation } from "./lib/trpc-server.ts";

const CONCURRENCIES = [1, 8, 32] as const;
const LINES_PER_SALE = 3;
const VARIANTS = 300;
/** Targets from the issue. */
const TARGET = { ratio: 0.6, p99AtMaxMs: 100 } as const;

interface Item {
  id: number;
  price: number;
  cost: number;
  taxRate: string;
  name: string;
  size: string | null;
  sku: string;
}

interface Register {
  branchId: number;
  sessionId: number;
}

interface Setup {
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

async function prepare(pool: pg.Pool): Promise<Setup> {
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
function linesOf(setup: Setup, i: number): Item[] {
  const n = setup.items.length;
  return Array.from({ length: LINES_PER_SALE }, (_, k) => setup.items[(i * 7 + k * 101) % n]).filter(
    (item): item is Item => item !== undefined,
  );
}

function dueOf(setup: Setup, items: Item[]): number {
  return amountDue({
    lines: items.map((item) => ({ quantity: 1, unitPrice: item.price, discount: 0, taxRate: item.taxRate })),
    saleDiscount: 0,
    shipping: 0,
    pricesIncludeTax: setup.pricesIncludeTax,
  });
}

/** Sales go round the registers: each branch's counter row is contended only by its own registers. */
function registerOf(setup: Setup, i: number): Register {
  const register = setup.registers[i % setup.registers.length];
  if (!register) throw new Error("No registers");
  return register;
}

function apiSale(setup: Setup, i: number) {
  const items = linesOf(setup, i);
  return {
    clientId: randomUUID(),
    branchId: registerOf(setup, i).branchId,
    lines: items.map((item) => ({ variantId: item.id, quantity: 1 })),
    payments: [{ methodId: setup.methodId, base: fromCents(dueOf(setup, items)) }],
  };
}

/** The same rows our service writes, with nothing but the writes: totals precomputed, no reads, no events. */
async function floorSale(pool: pg.Pool, setup: Setup, i: number): Promise<void> {
  const items = linesOf(setup, i).sort((a, b) => a.id - b.id);
  const { branchId, sessionId } = registerOf(setup, i);
  const subtotal = items.reduce((sum, item) => sum + lineTotalCents(1, item.price), 0);
  const total = dueOf(setup, items);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const balances: number[] = [];
    for (const item of items) {
      const level = await client.query<{ quantity: number }>(
        `UPDATE "StockLevel" SET quantity = quantity - 1, "updatedAt" = now()
          WHERE "branchId" = $1 AND "variantId" = $2 AND quantity - 1 >= 0 RETURNING quantity`,
        [branchId, item.id],
      );
      const quantity = level.rows[0]?.quantity;
      if (quantity === undefined) throw new Error("floor: out of stock");
      balances.push(quantity);
    }
    const numbered = await client.query<{ n: number }>(
      `UPDATE "Branch" SET "lastSaleNumber" = "lastSaleNumber" + 1 WHERE id = $1 RETURNING "lastSaleNumber" AS n`,
      [branchId],
    );
    const sale = await client.query<{ id: number }>(
      `INSERT INTO "Sale" (channel, status, "branchId", number, "clientId", "cashierId", "cashSessionId",
                           subtotal, tax, total, "updatedAt")
       VALUES ('POS', 'COMPLETED', $1, $2, $3, $4, $5, $6, 0, $7, now()) RETURNING id`,
      [branchId, numbered.rows[0]?.n, randomUUID(), setup.user.id, sessionId, fromCents(subtotal), fromCents(total)],
    );
    const saleId = sale.rows[0]?.id;
    const values = (width: number) =>
      items
        .map((_, row) => `(${Array.from({ length: width }, (_, col) => `$${row * width + col + 1}`).join(", ")})`)
        .join(", ");
    await client.query(
      `INSERT INTO "SaleItem" ("saleId", "variantId", "productName", "sizeLabel", sku, quantity, "unitPrice", "unitCost", "taxRate", "lineTotal")
       VALUES ${values(10)}`,
      items.flatMap((item) => [
        saleId,
        item.id,
        item.name,
        item.size,
        item.sku,
        1,
        fromCents(item.price),
        fromCents(item.cost),
        item.taxRate,
        fromCents(item.price),
      ]),
    );
    await client.query(
      `INSERT INTO "Payment" ("saleId", method, "methodConfigId", amount) VALUES ($1, 'DEBIT', $2, $3)`,
      [saleId, setup.methodId, fromCents(total)],
    );
    await client.query(
      `INSERT INTO "InventoryMovement" ("branchId", "variantId", quantity, "balanceAfter", type, "userId", "saleId")
       VALUES ${values(7)}`,
      items.flatMap((item, k) => [branchId, item.id, -1, balances[k], "SALE", setup.user.id, saleId]),
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

/**
 * CPU this process spent per operation (server and HTTP client alike, both live here): on a small machine the
 * database and this process share the cores, so this is what caps throughput once the locks are not the limit.
 */
function cpuMsPerOp(since: NodeJS.CpuUsage, operations: number): number {
  const used = process.cpuUsage(since);
  return Math.round(((used.user + used.system) / 1000 / Math.max(operations, 1)) * 100) / 100;
}

export default async function checkoutBench(argv: string[]): Promise<void> {
  const flags = parseFlags(argv);
  const maxDurationMs = intFlag(flags, "seconds", 10) * 1000;
  const warmup = intFlag(flags, "warmup", 100);
  const database = await benchDatabase({
    url: flags.get("url"),
    products: intFlag(flags, "products", 20000),
    name: "pos_bench_lookup",
  });
  note(`Database: ${database.source} (the benchmark adds sales and PURCHASE stock to it)`);
  const ours = countingPool(database.url, 40);
  const floor = countingPool(database.url, 40);
  const db = createPrismaClient(database.url, { pool: ours.pool });
  let server: Awaited<ReturnType<typeof startTrpcServer>> | undefined;
  let bus: EventBus | undefined;
  try {
    const setup = await prepare(floor.pool);
    // As in the apps: sales announce themselves with NOTIFY inside their transaction.
    bus = await connectPgEventBus({ url: database.url, db });
    server = await startTrpcServer(db, setup.user, bus);
    const url = server.url;
    note(
      `sales.create on ${url} as ${setup.user.email}, ${setup.registers.length} registers (one per branch), ${setup.items.length} items`,
    );
    let sequence = 0;
    const api = () => trpcMutation(url, "sales.create", apiSale(setup, sequence++));
    const plain = () => floorSale(floor.pool, setup, sequence++);

    // `--concurrency 8` runs one level only (e.g. under a profiler).
    const only = flags.has("concurrency") ? [intFlag(flags, "concurrency", 8)] : CONCURRENCIES;
    for (const concurrency of only) {
      const options = { concurrency, count: Number.MAX_SAFE_INTEGER, warmup, maxDurationMs };
      const floorBefore = floor.statements();
      const floorCpu = process.cpuUsage();
      const baseline = await runBench(plain, options);
      const floorCpuMs = cpuMsPerOp(floorCpu, baseline.n + warmup);
      const floorStatements = (floor.statements() - floorBefore) / Math.max(baseline.n + warmup, 1);
      const oursBefore = ours.statements();
      const ourCpu = process.cpuUsage();
      const result = await runBench(api, options);
      const ourCpuMs = cpuMsPerOp(ourCpu, result.n + warmup);
      const ourStatements = (ours.statements() - oursBefore) / Math.max(result.n + warmup, 1);
      const ratio = baseline.rps > 0 ? Math.round((result.rps / baseline.rps) * 100) / 100 : 0;
      printResult({
        bench: "checkout",
        case: `sale-${LINES_PER_SALE}-lines`,
        concurrency,
        ...result,
        ratio_vs_floor: ratio,
        statements_per_sale: Math.round(ourStatements * 10) / 10,
        node_cpu_ms_per_sale: ourCpuMs,
        target_ratio: TARGET.ratio,
        target_p99_ms: concurrency === 32 ? TARGET.p99AtMaxMs : null,
        target_met:
          result.errors === 0 && ratio >= TARGET.ratio && (concurrency !== 32 || result.p99_ms <= TARGET.p99AtMaxMs),
        baseline: {
          via: "pg",
          ...baseline,
          statements_per_sale: Math.round(floorStatements * 10) / 10,
          node_cpu_ms_per_sale: floorCpuMs,
        },
      });
    }
  } finally {
    await server?.close();
    await bus?.close();
    await db.$disconnect();
    await floor.pool.end();
    await database.release();
  }
}
