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

/**
 * The floor for a search: the service's two queries (packages/api/src/services/products-search-sql.ts) for the
 * common case of every typed word having candidates, without the SKU branches a digit-less fragment skips.
 */
const SEARCH_WORDS_SQL = `SELECT t.typed, coalesce(
    (SELECT array_agg(word ORDER BY word) FROM (
       SELECT word FROM "SearchWord" WHERE word LIKE t.typed || '%' ORDER BY word LIMIT 100) AS prefixed),
    (SELECT array_agg(word ORDER BY score DESC, word) FROM (
       SELECT word, score, max(score) OVER () AS best FROM (
         SELECT word, similarity(word, t.typed) AS score FROM "SearchWord" ORDER BY word <-> t.typed LIMIT 3
       ) AS nearest) AS close
     WHERE score >= 0.15 AND score >= best - 0.15),
    '{}') AS candidates
  FROM (SELECT DISTINCT unnest(search_words($1)) AS typed) AS t`;

function searchProductsSql(wordCount: number): string {
  const everyWord = Array.from({ length: wordCount }, (_, i) => `p."searchWords" && $${i + 3}::text[]`).join(" AND ");
  const columns = `p.id, p.name, p."searchWords"`;
  // Multi-word samples are planned apart from their LIMIT, as the service does (see products-search-sql.ts).
  const fence = wordCount > 1 ? "MATERIALIZED" : "NOT MATERIALIZED";
  return `WITH
      all_exact AS ${fence} (SELECT ${columns} FROM "Product" p WHERE p."searchWords" @> $2::text[] AND p.active),
      every_word AS ${fence} (SELECT ${columns} FROM "Product" p WHERE ${everyWord} AND p.active),
      matched AS (
        (SELECT ${columns}, true AS exact FROM "Product" p WHERE p."searchName" = search_name($1) AND p.active)
        UNION (SELECT ${columns}, true FROM "Variant" v JOIN "Product" p ON p.id = v."productId"
                WHERE v.sku = upper($1) AND p.active)
        UNION (SELECT *, false FROM all_exact LIMIT 200)
        UNION (SELECT *, false FROM every_word LIMIT 200))
    SELECT p.* FROM (SELECT id FROM matched GROUP BY id, name, "searchWords"
      ORDER BY bool_or(exact) DESC, (SELECT count(*) FROM unnest($2::text[]) AS w WHERE w = ANY("searchWords")) DESC,
               name, id LIMIT 20) ranked JOIN "Product" p USING (id)`;
}

async function searchFloor(pool: pg.Pool, q: string): Promise<unknown> {
  const words = await pool.query<{ typed: string; candidates: string[] }>(SEARCH_WORDS_SQL, [q]);
  if (words.rows.length === 0 || words.rows.some((row) => row.candidates.length === 0)) return [];
  const typed = words.rows.map((row) => row.typed);
  return pool.query(searchProductsSql(typed.length), [q, typed, ...words.rows.map((row) => row.candidates)]);
}

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
        floor: (i: number) => searchFloor(pool, pick(queries, i)),
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
