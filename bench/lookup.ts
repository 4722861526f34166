// `pnpm bench lookup [--url U] [--products N] [--requests N] [--warmup N] [--max-seconds S]`
// Register lookups over real HTTP through the appRouter, each printed next to its floor: the same query
// with plain pg, so the cost of our stack (HTTP, tRPC, superjson, auth middleware, Prisma) is visible.
import pg from "pg";
import { createPrismaClient, Role } from "@pos/db";
import type { SessionUser } from "@pos/api";
import { intFlag, parseFlags } from "./lib/args.ts";
import { benchDatabase } from "./lib/db.ts";
import { note, printResult } from "./lib/report.ts";
import { runBench } from "./lib/runner.ts";
import type { Summary } from "./lib/stats.ts";
import { startTrpcServer, trpcQuery } from "./lib/trpc-server.ts";

/** Targets from the issue: the register must feel instant on a scan and while typing. */
const TARGET_P99_MS = { lookup: 10, search: 30 } as const;
const CONCURRENCIES = [1, 8] as const;
const SAMPLE_SIZE = 2000;

/** The floor for a scan: one indexed SELECT over both unique columns, joined to its product. */
const LOOKUP_SQL = `SELECT v.*, p.* FROM "Variant" v JOIN "Product" p ON p.id = v."productId"
  WHERE v.barcode = $1 OR v.sku = upper($1) LIMIT 1`;

/** The floor for a search: the service's ranking SQL (thresholds set once per connection instead of per query). */
const SEARCH_SQL = `WITH candidates AS (
    SELECT id, greatest(similarity(name, $1), word_similarity($1, name)) AS score FROM "Product" WHERE name % $1
    UNION ALL SELECT id, word_similarity($1, name) FROM "Product" WHERE $1 <% name
    UNION ALL SELECT id, similarity(brand, $1) FROM "Product" WHERE brand % $1
    UNION ALL SELECT "productId", greatest(similarity(sku, $1), word_similarity($1, sku)) FROM "Variant" WHERE sku % $1
    UNION ALL SELECT "productId", word_similarity($1, sku) FROM "Variant" WHERE $1 <% sku
  ), best AS (SELECT id, max(score) AS score FROM candidates GROUP BY id)
  SELECT p.* FROM best b JOIN "Product" p ON p.id = b.id WHERE p.active
  ORDER BY lower(p.name) = lower($1) DESC, b.score DESC, p.name, p.id LIMIT 20`;

/** A typed fragment with one slip of the finger: the first two words of a real name, one letter dropped. */
function withTypo(name: string, i: number): string {
  const fragment = name.split(/\s+/).slice(0, 2).join(" ").toLowerCase();
  if (fragment.length < 5) return fragment;
  const at = 1 + (i % (fragment.length - 2));
  return fragment[at] === " " ? fragment : fragment.slice(0, at) + fragment.slice(at + 1);
}

function pick<T>(items: readonly T[], i: number): T {
  const item = items[(i * 7919) % items.length];
  if (item === undefined) throw new Error("No samples to benchmark with");
  return item;
}

export default async function lookupBench(argv: string[]): Promise<void> {
  const flags = parseFlags(argv);
  const requests = intFlag(flags, "requests", 2000);
  // Each measurement also stops after this long, so a slow case cannot hold the run hostage.
  const maxDurationMs = intFlag(flags, "max-seconds", 15) * 1000;
  const warmup = intFlag(flags, "warmup", 200);
  const database = await benchDatabase({
    url: flags.get("url"),
    products: intFlag(flags, "products", 20000),
    name: "pos_bench_lookup",
  });
  note(`Database: ${database.source}`);

  // The service's per-transaction search settings, set once per pooled connection for the floor.
  const pool = new pg.Pool({
    connectionString: database.url,
    max: 10,
    options: "-c pg_trgm.similarity_threshold=0.3 -c pg_trgm.word_similarity_threshold=0.5 -c enable_seqscan=off",
  });
  const db = createPrismaClient(database.url, { poolMax: 10 });
  let server: Awaited<ReturnType<typeof startTrpcServer>> | undefined;
  try {
    const manager = await pool.query<SessionUser>(
      `SELECT id, name, email, role, "branchId" FROM "User" WHERE role = $1 AND active ORDER BY id LIMIT 1`,
      [Role.MANAGER],
    );
    const user = manager.rows[0];
    if (!user) throw new Error("No active manager in the database: seed it first");
    const variants = await pool.query<{ barcode: string | null; sku: string }>(
      `SELECT barcode, sku FROM "Variant" TABLESAMPLE SYSTEM (5) LIMIT ${SAMPLE_SIZE}`,
    );
    const names = await pool.query<{ name: string }>(
      `SELECT name FROM "Product" TABLESAMPLE SYSTEM (5) WHERE active LIMIT ${SAMPLE_SIZE}`,
    );
    const barcodes = variants.rows.flatMap((row) => (row.barcode ? [row.barcode] : []));
    const skus = variants.rows.map((row) => row.sku);
    const queries = names.rows.map((row, i) => withTypo(row.name, i));
    note(`Samples: ${barcodes.length} barcodes, ${skus.length} SKUs, ${queries.length} search fragments`);

    server = await startTrpcServer(db, user);
    const baseUrl = server.url;
    note(`appRouter on ${baseUrl} as ${user.email} (${user.role})`);

    const cases = [
      {
        name: "barcode",
        target: TARGET_P99_MS.lookup,
        api: (i: number) => trpcQuery(baseUrl, "products.lookup", { code: pick(barcodes, i) }),
        floor: (i: number) => pool.query(LOOKUP_SQL, [pick(barcodes, i)]),
      },
      {
        name: "sku",
        target: TARGET_P99_MS.lookup,
        api: (i: number) => trpcQuery(baseUrl, "products.lookup", { code: pick(skus, i) }),
        floor: (i: number) => pool.query(LOOKUP_SQL, [pick(skus, i)]),
      },
      {
        name: "search",
        target: TARGET_P99_MS.search,
        api: (i: number) => trpcQuery(baseUrl, "products.search", { q: pick(queries, i) }),
        floor: (i: number) => pool.query(SEARCH_SQL, [pick(queries, i)]),
      },
    ];
    for (const c of cases) {
      for (const concurrency of CONCURRENCIES) {
        const options = { concurrency, count: requests, warmup, maxDurationMs };
        const baseline: Summary = await runBench(c.floor, options);
        const result = await runBench(c.api, options);
        printResult({
          bench: "lookup",
          case: c.name,
          concurrency,
          ...result,
          target_p99_ms: c.target,
          target_met: result.errors === 0 && result.p99_ms <= c.target,
          overhead_p50_x: Math.round((result.p50_ms / baseline.p50_ms) * 10) / 10,
          overhead_p99_x: Math.round((result.p99_ms / baseline.p99_ms) * 10) / 10,
          baseline: { via: "pg", ...baseline },
        });
      }
    }
  } finally {
    await server?.close();
    await db.$disconnect();
    await pool.end();
    await database.release();
  }
}
