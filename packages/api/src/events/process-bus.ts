// One bus per server process, over PostgreSQL LISTEN/NOTIFY, so every instance of either app hears the stock and
// sale events the others publish, and events published in a transaction wait for its COMMIT. Kept on globalThis
// to survive hot reloads in development (each reload would otherwise open another LISTEN connection).
import { getDb } from "@pos/db";
import { readDbEnv } from "@pos/db/env";
import type { EventBus } from "./bus.ts";
import { connectPgEventBus } from "./connect.ts";

const globalForBus = globalThis as unknown as { posEventBus?: Promise<EventBus> };

export function getProcessEventBus(): Promise<EventBus> {
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
