import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { ensureDatabaseServer } from "@pos/db/server";
import { createDatabase, deployMigrations } from "@pos/db/migrate";
import { seedLarge } from "../../prisma/seed/large.ts";
import { note } from "./report.ts";

const MACHINE_SEED_LARGE = "postgresql://postgres@127.0.0.1:5432/seed_large";

async function productCount(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM "Product"');
    return Number(rows[0]?.n ?? 0);
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface BenchDatabase {
  url: string;
  source: string;
  release(): Promise<void>;
}

/** --url, else DATABASE_URL, else the machine's seed_large, else a freshly seeded pos_bench_lookup. */
export async function benchDatabase(options: { url?: string; products: number; name: string }): Promise<BenchDatabase> {
  const given = options.url ?? process.env.DATABASE_URL;
  const candidates = given ? [given] : [MACHINE_SEED_LARGE];
  for (const url of candidates) {
    const count = await productCount(url);
    if (count !== null && count > 0) {
      await deployMigrations({ url, log: note });
      return { url, source: given ? "given" : "seed_large", release: () => Promise.resolve() };
    }
    if (given) throw new Error(`No products in ${url}: seed it with pnpm db:seed --large`);
  }
  const server = await ensureDatabaseServer({ log: note });
  const url = new URL(server.adminUrl);
  url.pathname = `/${options.name}`;
  const existing = await productCount(url.href);
  if (existing === null || existing === 0) {
    note(`No seed_large database: seeding ${options.products} products into ${options.name} (reduced scale)`);
    if (existing === null) await createDatabase(server.adminUrl, options.name);
    await deployMigrations({ url: url.href, log: note });
    const uploadsDir = mkdtempSync(join(tmpdir(), "pos-bench-uploads-"));
    await seedLarge(url.href, { uploadsDir, products: options.products, sales: options.products, log: note });
  } else {
    note(`Reusing ${options.name} (${existing} products, reduced scale)`);
  }
  return { url: url.href, source: `${options.name} (reduced scale)`, release: () => server.stop() };
}
