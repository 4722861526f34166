// Publish → receive latency between two instances over LISTEN/NOTIFY, for `bench/` to print (tests never time).
import { performance } from "node:perf_hooks";
import { createEventBus, type SqlExecutor } from "./bus.ts";
import { createPgTransport } from "./pg-transport.ts";

export interface LatencyOptions {
  url: string;
  db: SqlExecutor;
  /** Events to time, one at a time (default 1000). */
  count?: number;
  /** A channel of its own so a benchmark never wakes a running app's subscribers. */
  channel?: string;
}

export interface LatencyReport {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  eventsPerSecond: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

/** Instance A publishes, instance B receives; each event waits for the previous one, so these are latencies. */
export async function measurePublishLatency(options: LatencyOptions): Promise<LatencyReport> {
  const { url, db, count = 1000, channel = "pos_events_bench" } = options;
  const sender = createEventBus({ transport: createPgTransport({ url, db, channel }) });
  const receiver = createEventBus({ transport: createPgTransport({ url, db, channel }) });
  try {
    await Promise.all([sender.start(), receiver.start()]);
    const subscription = receiver.subscribe({ topics: ["stock.changed"] });
    const samples: number[] = [];
    const started = performance.now();
    for (let index = 1; index <= count; index++) {
      const sent = performance.now();
      await sender.publish("stock.changed", { changes: [{ branchId: 1, variantId: index, quantity: index }] });
      const received = await subscription.next();
      if (received.done || received.value.type !== "event") throw new Error("The receiver stopped or resynced");
      samples.push(performance.now() - sent);
    }
    const elapsed = performance.now() - started;
    samples.sort((x, y) => x - y);
    return {
      count,
      p50Ms: percentile(samples, 50),
      p99Ms: percentile(samples, 99),
      maxMs: samples.at(-1) ?? Number.NaN,
      eventsPerSecond: (count * 1000) / elapsed,
    };
  } finally {
    await Promise.all([sender.close(), receiver.close()]);
  }
}
