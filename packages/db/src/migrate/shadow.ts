// A throwaway database on the same server, for replaying the migration history (Prisma's "shadow database").
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDatabase, dropDatabase } from "./databases.ts";
import { withDatabase } from "./url.ts";

// Not Prisma's prefix: engine-made shadow databases (adapter.ts) keep that one, so the two are told apart.
const PREFIX = "pos_shadow_";
const STALE_AFTER_MS = 60 * 60_000;

/** pos_shadow_<creation time, base-36 seconds>_<random>: the time lets a later run recognise leftovers. */
function shadowName(): string {
  return `${PREFIX}${Math.floor(Date.now() / 1000).toString(36)}_${randomBytes(8).toString("hex")}`;
}

/**
 * A process killed mid-run (Ctrl-C, a test timeout) cannot run its `finally`; its shadow database is dropped
 * by the next run once it is an hour old. Best effort: failing to list or drop must not stop the caller.
 */
async function dropStaleShadows(serverUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'pos\\_shadow\\_%'",
    );
    const stale = rows
      .map((r) => r.datname)
      .filter((name) => {
        const seconds = Number.parseInt(name.slice(PREFIX.length).split("_")[0] ?? "", 36);
        return Number.isFinite(seconds) && Date.now() - seconds * 1000 > STALE_AFTER_MS;
      });
    for (const name of stale) await dropDatabase(serverUrl, name);
  } catch {
    // Another run may be dropping the same database, or we may lack the rights: not our problem here.
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Creates a uniquely named database next to the one in `serverUrl`, hands its URL to `use`, and drops it
 * afterwards whatever happens. Needs CREATEDB on the server, like `prisma migrate dev`.
 */
export async function withShadowDatabase<T>(serverUrl: string, use: (shadowUrl: string) => Promise<T>): Promise<T> {
  await dropStaleShadows(serverUrl);
  const name = shadowName();
  await createDatabase(serverUrl, name);
  try {
    return await use(withDatabase(serverUrl, name));
  } finally {
    await dropDatabase(serverUrl, name);
  }
}
