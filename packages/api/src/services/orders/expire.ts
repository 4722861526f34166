// Releasing WhatsApp holds nobody confirmed in time. Run by the apps/pos sweeper every minute and by managers
// on demand. Safe to run anywhere at once: each hold is claimed with FOR UPDATE SKIP LOCKED and re-checked
// under that lock (still PENDING), so two sweepers, or a sweeper and a manager confirming, restock it once.
import type { Db } from "@pos/db";
import type { EventBus } from "../../events/index.ts";
import { inStockTransaction } from "../stock-ledger.ts";
import { cancelSale, lockExpiredHolds } from "./cancel.ts";

export interface HoldsExpired {
  /** References of the orders cancelled by this sweep, oldest hold first. */
  expired: string[];
}

export const DEFAULT_SWEEP_LIMIT = 200;

/**
 * One transaction per hold: a hold's restock never waits on another's stock rows (no lock-order questions
 * across orders), and one bad order cannot roll back the rest of the sweep.
 */
export async function expireHolds(
  db: Db,
  bus: EventBus,
  now: Date = new Date(),
  limit: number = DEFAULT_SWEEP_LIMIT,
): Promise<HoldsExpired> {
  const expired: string[] = [];
  while (expired.length < limit) {
    const reference = await inStockTransaction(db, async (tx) => {
      const [hold] = await lockExpiredHolds(tx, now, 1);
      if (!hold) return null;
      await cancelSale(tx, bus, hold, {
        to: "CANCELLED",
        via: "expiry",
        actorId: null,
        reason: "Nobody confirmed the WhatsApp order in time; the held stock went back on sale.",
        action: "order.expired",
      });
      return hold.reference;
    });
    if (reference === null) break;
    expired.push(reference);
  }
  return { expired };
}
