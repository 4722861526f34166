import type { Db } from "@pos/db";

export interface MigrationStatus {
  applied: number;
  /** Started but never finished nor rolled back: the database needs attention before deploys. */
  failed: number;
  latest: string | null;
}

export interface Health {
  ok: true;
  serverTime: Date;
  databaseLatencyMs: number;
  branches: number;
  products: number;
  /** null when the database was not created by our migration runner (no _prisma_migrations table). */
  migrations: MigrationStatus | null;
}

async function readMigrations(db: Db): Promise<MigrationStatus | null> {
  const [table] = await db.$queryRaw<{ present: boolean }[]>`
    select to_regclass('_prisma_migrations') is not null as present`;
  if (!table?.present) return null;
  const [row] = await db.$queryRaw<{ applied: number; failed: number; latest: string | null }[]>`
    select count(*) filter (where finished_at is not null and rolled_back_at is null)::int as applied,
           count(*) filter (where finished_at is null and rolled_back_at is null)::int as failed,
           max(migration_name) filter (where finished_at is not null and rolled_back_at is null) as latest
      from _prisma_migrations`;
  return row ?? { applied: 0, failed: 0, latest: null };
}

/** A real round trip to the database, so a green health check means the app can actually serve. */
export async function readHealth(db: Db): Promise<Health> {
  const started = performance.now();
  const [clock] = await db.$queryRaw<{ now: Date }[]>`select now() as now`;
  const databaseLatencyMs = Math.round((performance.now() - started) * 10) / 10;
  const [branches, products, migrations] = await Promise.all([
    db.branch.count(),
    db.product.count(),
    readMigrations(db),
  ]);
  return { ok: true, serverTime: clock?.now ?? new Date(), databaseLatencyMs, branches, products, migrations };
}
