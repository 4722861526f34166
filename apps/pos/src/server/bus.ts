import { connectPgEventBus, type EventBus } from "@pos/api";
import { getDb } from "@pos/db";
import { readDbEnv } from "@pos/db/env";

// One bus per server process, over PostgreSQL LISTEN/NOTIFY, so every instance of the app (and the storefront)
// hears the stock and sale events the others publish. Kept on globalThis to survive hot reloads in development.
const globalForBus = globalThis as unknown as { posEventBus?: Promise<EventBus> };

export function getEventBus(): Promise<EventBus> {
  if (!globalForBus.posEventBus) {
    const url = readDbEnv().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `pnpm start` or set it.");
    globalForBus.posEventBus = connectPgEventBus({ url, db: getDb() }).catch((error: unknown) => {
      // Let the next request try again rather than keeping a failed connection forever.
      globalForBus.posEventBus = undefined;
      throw error;
    });
  }
  return globalForBus.posEventBus;
}
