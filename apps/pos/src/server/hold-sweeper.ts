import { consoleLogger, expireHolds } from "@pos/api";
import { getDb } from "@pos/db";
import { getEventBus } from "~/server/bus";

// WhatsApp orders hold stock until a manager confirms them or their time runs out (StoreConfig.orderHoldMinutes);
// this is what makes the second case happen. Started once per server process from instrumentation.ts (the
// nodejs runtime only, never during `next build`), not lazily from a request, so holds expire on a quiet night
// too. Holds are counted in minutes, so a sweep a minute is precise enough. Several instances sweeping at
// once are fine: expireHolds claims each hold with FOR UPDATE SKIP LOCKED, so each restocks exactly once.
// Managers can also sweep by hand (orders.expireHolds); there is deliberately no third, lazy mechanism.
const SWEEP_EVERY_MS = 60_000;

// On globalThis so a hot reload in development does not start a second timer.
const globalForSweeper = globalThis as unknown as { posHoldSweeper?: ReturnType<typeof setInterval> };

async function sweep(): Promise<void> {
  try {
    const { expired } = await expireHolds(getDb(), await getEventBus());
    if (expired.length > 0) consoleLogger.info("Released expired WhatsApp holds", { orders: expired.join(", ") });
  } catch (error) {
    // A database hiccup skips one round; the next minute tries again.
    consoleLogger.error("Sweeping expired WhatsApp holds failed", {
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
}

export function startHoldSweeper(): void {
  if (globalForSweeper.posHoldSweeper) return;
  let running = false;
  const timer = setInterval(() => {
    // A slow sweep (a big backlog) is never overlapped by the next one from this process.
    if (running) return;
    running = true;
    void sweep().finally(() => {
      running = false;
    });
  }, SWEEP_EVERY_MS);
  // Never the reason the process stays alive.
  timer.unref();
  globalForSweeper.posHoldSweeper = timer;
}
