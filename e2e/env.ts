// Where the browser tests run: their own ports (dev servers on 3000/3001 can keep running) and their own
// database on the server DATABASE_URL points at, rebuilt from scratch by global-setup.ts on every run.

function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "Browser tests need DATABASE_URL (any database on the PostgreSQL server to use). `pnpm test` sets it; " +
        "alone: `DATABASE_URL=postgresql://… pnpm build && pnpm test:e2e`.",
    );
  }
  return url;
}

function onDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

// Overridable so two checkouts on one machine can run their browser tests at the same time.
export const E2E_DATABASE = process.env.E2E_DATABASE ?? "pos_e2e";
export const e2eDatabaseUrl = (): string => onDatabase(serverUrl(), E2E_DATABASE);
/** The maintenance database, for DROP/CREATE DATABASE of the e2e one. */
export const adminDatabaseUrl = (): string => onDatabase(serverUrl(), "postgres");

export const POS_PORT = Number(process.env.E2E_POS_PORT ?? 3100);
export const STORE_PORT = POS_PORT + 1;
export const POS_URL = `http://127.0.0.1:${POS_PORT}`;
export const STORE_URL = `http://127.0.0.1:${STORE_PORT}`;

export const AUTH_SECRET = process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-000000";
