// The saved catalog's stock is the server's at the last load; the sales still waiting in this browser's outbox
// have not reached the server, so they are not in it. A register reloaded offline takes them off again, or it
// would offer units it already sold.
import type { QueuedSale } from "./local-db";

/** Stock by variant after the pending queued sales (refused ones never took stock and are left out). */
export function stockAfterQueuedSales(
  stock: ReadonlyMap<number, number>,
  queued: readonly Pick<QueuedSale, "status" | "request">[],
): Map<number, number> {
  const after = new Map(stock);
  for (const sale of queued) {
    if (sale.status !== "pending") continue;
    for (const line of sale.request.lines) {
      after.set(line.variantId, (after.get(line.variantId) ?? 0) - line.quantity);
    }
  }
  return after;
}
