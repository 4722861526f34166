// `pnpm bench reports [--url U] [--days N] [--iterations N] [--warmup N] [--max-seconds S]`
// The managers' dashboard over real HTTP through the appRouter, for a period of --days (90) ending on the last
// day with sales, each procedure and the whole page (all of them at once, as the page asks). Each is printed next
// to its floor: the very same SQL statements, in the same order, sent with plain pg (the report services run on a
// stand-in Db whose $queryRaw goes straight to a pg pool), so what HTTP, tRPC, superjson, auth and Prisma add
// is visible. Target from the issue: p95 ≤ 300 ms.
import pg from "pg";
import { createPrismaClient, Role } from "@pos/db";
import type { SessionUser } from "@pos/api";
import { shiftDay, ZReportLowStock, ZReportPeriod, ZReportTop } from "@pos/validators";
import { readBreakdown } from "../packages/api/src/services/reports/breakdown.ts";
import { readDaily } from "../packages/api/src/services/reports/daily.ts";
import { readDashboard } from "../packages/api/src/services/reports/dashboard.ts";
import { listLowStockAcrossBranches } from "../packages/api/src/services/reports/stock.ts";
import { readTopCategories, readTopProducts } from "../packages/api/src/services/reports/top.ts";
import { STORE_TIME_ZONE } from "../packages/api/src/services/z-report.ts";
import { intFlag, parseFlags } from "./lib/args.ts";
import { benchDatabase } from "./lib/db.ts";
import { plainPgDb } from "./lib/plain-pg-db.ts";
import { note, printResult } from "./lib/report.ts";
import { runBench } from "./lib/runner.ts";
import { startTrpcServer, trpcQuery } from "./lib/trpc-server.ts";

const TARGET_P95_MS = 300;

/** Unresolved shortfalls as the service's findMany asks for them, joined in one statement. */
const SHORTFALLS_SQL = `SELECT f.*, b.name, v.sku, p.name AS product, s.number FROM "StockShortfall" f
  JOIN "Branch" b ON b.id = f."branchId" JOIN "Variant" v ON v.id = f."variantId"
  JOIN "Product" p ON p.id = v."productId" JOIN "Sale" s ON s.id = f."saleId"
  WHERE f."resolvedAt" IS NULL ORDER BY f."createdAt", f.id LIMIT 100`;

export default async function reportsBench(argv: string[]): Promise<void> {
  const flags = parseFlags(argv);
  const days = intFlag(flags, "days", 90);
  const iterations = intFlag(flags, "iterations", 40);
  const warmup = intFlag(flags, "warmup", 3);
  const maxDurationMs = intFlag(flags, "max-seconds", 60) * 1000;
  const database = await benchDatabase({
    url: flags.get("url"),
    products: intFlag(flags, "products", 20000),
    name: "pos_bench_lookup",
  });
  note(`Database: ${database.source}`);

  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  const db = createPrismaClient(database.url, { poolMax: 10 });
  let server: Awaited<ReturnType<typeof startTrpcServer>> | undefined;
  try {
    const manager = await pool.query<SessionUser>(
      `SELECT id, name, email, role, "branchId" FROM "User" WHERE role = $1 AND active ORDER BY id LIMIT 1`,
      [Role.MANAGER],
    );
    const user = manager.rows[0];
    if (!user) throw new Error("No active manager in the database: seed it first");
    const last = await pool.query<{ day: string | null }>(
      `SELECT ((max("createdAt") AT TIME ZONE 'UTC') AT TIME ZONE $1)::date::text AS day FROM "Sale"`,
      [STORE_TIME_ZONE],
    );
    const to = last.rows[0]?.day;
    if (!to) throw new Error("No sales in the database: seed it first");
    const period = { from: shiftDay(to, 1 - days), to };
    const counted = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Sale" WHERE "createdAt" >= ($1::date::timestamp AT TIME ZONE $3) AT TIME ZONE 'UTC'
         AND "createdAt" < (($2::date + 1)::timestamp AT TIME ZONE $3) AT TIME ZONE 'UTC'`,
      [period.from, period.to, STORE_TIME_ZONE],
    );
    note(`Period ${period.from}..${period.to} (${days} days, ${counted.rows[0]?.n ?? "?"} sales), all branches`);

    server = await startTrpcServer(db, user);
    const baseUrl = server.url;
    note(`appRouter on ${baseUrl} as ${user.email} (${user.role})`);

    const floorDb = plainPgDb(pool);
    const top = ZReportTop.parse({ ...period, limit: 10 });
    const cases = [
      { name: "dashboard", input: period, floor: () => readDashboard(floorDb, ZReportPeriod.parse(period)) },
      { name: "daily", input: period, floor: () => readDaily(floorDb, ZReportPeriod.parse(period)) },
      { name: "breakdown", input: period, floor: () => readBreakdown(floorDb, ZReportPeriod.parse(period)) },
      { name: "topProducts", input: top, floor: () => readTopProducts(floorDb, top) },
      { name: "topCategories", input: top, floor: () => readTopCategories(floorDb, top) },
      { name: "lowStock", input: {}, floor: () => listLowStockAcrossBranches(floorDb, ZReportLowStock.parse({})) },
      { name: "shortfalls", input: {}, floor: () => pool.query(SHORTFALLS_SQL) },
    ].map((c) => ({ ...c, api: () => trpcQuery(baseUrl, `reports.${c.name}`, c.input) }));
    // The page: every report at once, as the dashboard's queries fire together.
    const page = {
      name: "page",
      api: () => Promise.all(cases.map((c) => c.api())),
      floor: () => Promise.all(cases.map((c) => c.floor())),
    };

    for (const c of [...cases, page]) {
      const options = { concurrency: 1, count: iterations, warmup, maxDurationMs };
      const baseline = await runBench(c.floor, options);
      const result = await runBench(c.api, options);
      printResult({
        bench: "reports",
        case: c.name,
        days,
        ...result,
        target_p95_ms: TARGET_P95_MS,
        target_met: result.errors === 0 && result.p95_ms <= TARGET_P95_MS,
        overhead_p50_x: Math.round((result.p50_ms / baseline.p50_ms) * 10) / 10,
        baseline: { via: "pg", ...baseline },
      });
    }
  } finally {
    await server?.close();
    await db.$disconnect();
    await pool.end();
    await database.release();
  }
}
