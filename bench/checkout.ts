// `pnpm bench checkout [--url U] [--seconds S] [--warmup N] [--concurrency C]`
// Register sales (`sales.create`, three lines, debit) over real HTTP through the appRouter at concurrency 1, 8
// and 32, each next to its floor from the same run: the same writes done with plain pg, one transaction per
// sale (conditional stock decrements, the branch's next number, sale, lines, payment, movements). Prints the
// throughput ratio (ours / floor) and the SQL statements each sale costs on both sides.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { createPrismaClient } from "@pos/db";
import { connectPgEventBus, type EventBus } from "@pos/api";
import { fromCents, lineTotalCents } from "@pos/validators";
import { intFlag, parseFlags } from "./lib/args.ts";
import { countingPool } from "./lib/counting-pool.ts";
import { benchDatabase } from "./lib/db.ts";
import { apiSale, dueOf, LINES_PER_SALE, linesOf, prepare, registerOf, type Setup } from "./lib/register-sales.ts";
import { note, printResult } from "./lib/report.ts";
import { runBench } from "./lib/runner.ts";
import { startTrpcServer, trpcMutation } from "./lib/trpc-server.ts";

const CONCURRENCIES = [1, 8, 32] as const;
/** Targets from the issue. */
const TARGET = { ratio: 0.6, p99AtMaxMs: 100 } as const;

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
