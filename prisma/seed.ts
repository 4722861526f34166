// `pnpm db:seed` — demo data: 3 branches, ~300 products, 90 days of sales, demo logins (see seed/users.ts).
// `pnpm db:seed --large` — the benchmark catalog: 100,000 products, ~1,000,000 sales, via COPY.
// Options: --reset (wipe every table first), --products=N --sales=N --days=N (large scale only), --now=ISO-date
// (the moment the history ends: same seed + same --now = identical rows), --check (verify the seeded database:
// ledger, money, numbering, foreign keys; exit 1 on a broken rule).
// Without --reset, a database that already holds data is left untouched (exit 0), so `pnpm start` can run this
// on every launch. The database: DATABASE_URL if set, else the embedded PostgreSQL; migrations are applied first.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createPrismaClient } from "@pos/db";
import { deployMigrations } from "@pos/db/migrate";
import { ensureDatabaseServer } from "@pos/db/server";
import { checkSeedInvariants } from "./seed/check.ts";
import { hasData, truncateAll, withPg } from "./seed/database.ts";
import { seedDemo } from "./seed/demo.ts";
import { seedLarge } from "./seed/large.ts";
import type { SeedReport } from "./seed/run.ts";
import { DEMO_LOGINS, DEMO_PASSWORD } from "./seed/users.ts";

const { values } = parseArgs({
  options: {
    reset: { type: "boolean", default: false },
    large: { type: "boolean", default: false },
    products: { type: "string" },
    sales: { type: "string" },
    days: { type: "string" },
    now: { type: "string" },
    check: { type: "boolean", default: false },
  },
});

function positive(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error(`--${name} must be a positive whole number, got "${text}"`);
  return value;
}

function report(title: string, result: SeedReport): void {
  console.info(`\n${title} in ${(result.elapsedMs / 1000).toFixed(1)} s`);
  const rows = Object.entries(result.counts).filter(([, count]) => count > 0);
  const width = Math.max(...rows.map(([table]) => table.length));
  for (const [table, count] of rows)
    console.info(`  ${table.padEnd(width)}  ${count.toLocaleString("en").padStart(10)}`);
  const { sales, orders, returns, cancelled, restocks, skippedLines } = result.summary;
  console.info(
    `  (${sales} register sales, ${orders} orders of which ${cancelled} cancelled, ${returns} returns, ` +
      `${restocks} supplier deliveries; ${skippedLines} picks found an empty shelf and were not sold)`,
  );
}

async function check(url: string): Promise<void> {
  const db = createPrismaClient(url, { poolMax: 2 });
  try {
    const started = Date.now();
    const problems = await checkSeedInvariants(db);
    for (const problem of problems) console.error(`✗ ${problem}`);
    console.info(`${problems.length ? "✗" : "✓"} ${problems.length} broken rules (${Date.now() - started} ms)`);
    if (problems.length) process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

const repoRoot = join(import.meta.dirname, "..");
const uploadsDir = join(repoRoot, ".data", "uploads");
const now = values.now === undefined ? undefined : new Date(values.now);
if (now && Number.isNaN(now.getTime())) throw new Error(`--now must be a date, got "${values.now}"`);
const log = (line: string) => console.info(`  ${line}`);

/** Empties the database first with --reset; without it, a database that holds data is left alone. */
async function readyToSeed(url: string): Promise<boolean> {
  return withPg(url, async (client) => {
    if (!(await hasData(client))) return true;
    if (!values.reset) return false;
    console.info("--reset: emptying every table…");
    await truncateAll(client);
    await rm(join(uploadsDir, "demo"), { recursive: true, force: true });
    return true;
  });
}

async function seed(url: string): Promise<void> {
  if (!(await readyToSeed(url))) {
    console.info(
      "The database already has data: nothing seeded. Run `pnpm db:seed --reset` to wipe it and seed again.",
    );
  } else if (values.large) {
    const scale = {
      products: positive("products", values.products),
      sales: positive("sales", values.sales),
      days: positive("days", values.days),
    };
    report("Large catalog seeded", await seedLarge(url, { uploadsDir, now, log, ...scale }));
  } else {
    report("Demo data seeded", await seedDemo(url, { uploadsDir, now, log }));
    console.info(`\nDemo logins (password "${DEMO_PASSWORD}"):`);
    for (const login of DEMO_LOGINS)
      console.info(`  ${login.role.padEnd(8)} ${login.email}${login.note ? `  (${login.note})` : ""}`);
  }
}

const server = await ensureDatabaseServer();
try {
  await deployMigrations({ url: server.url, log });
  await (values.check ? check(server.url) : seed(server.url));
} finally {
  await server.stop();
}
