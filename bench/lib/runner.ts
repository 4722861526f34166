import { performance } from "node:perf_hooks";
import { summarize, type Summary } from "./stats.ts";

export interface RunOptions {
  /** Parallel workers, each issuing one request at a time. */
  concurrency: number;
  /** Stop after this many timed operations (always bounded)… */
  count: number;
  /** …or after this long, whichever comes first. */
  maxDurationMs?: number;
  /** Untimed operations first, to fill pools, caches and JIT. */
  warmup?: number;
}

/** Runs `op(i)` a bounded number of times with `concurrency` workers; failures count as errors, not samples. */
export async function runBench(op: (i: number) => Promise<unknown>, options: RunOptions): Promise<Summary> {
  const warmup = options.warmup ?? 0;
  const warmupDeadline = performance.now() + (options.maxDurationMs ?? Number.POSITIVE_INFINITY);
  for (let i = 0; i < warmup && performance.now() < warmupDeadline; i += options.concurrency) {
    await Promise.allSettled(Array.from({ length: Math.min(options.concurrency, warmup - i) }, (_, k) => op(i + k)));
  }
  const samples: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + (options.maxDurationMs ?? Number.POSITIVE_INFINITY);
  const worker = async () => {
    while (next < options.count && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      try {
        await op(i);
        samples.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return summarize(samples, performance.now() - started, errors);
}
