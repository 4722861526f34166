// `pnpm db:seed --large`: the benchmark shop (100,000 products, ~500,000 variants, ~1,000,000 sales), the
// same generator as the demo at a bigger scale. The schema's indexes and constraints stay in place the whole
// time: nothing to rebuild or forget afterwards, and every row is checked on the way in.
import { DEFAULT_SEED } from "./generate.ts";
import { runSeed, type SeedReport } from "./run.ts";

export interface LargeOptions {
  uploadsDir: string;
  products?: number;
  /** Target number of sales (register sales and orders together); the result lands close to it. */
  sales?: number;
  days?: number;
  customers?: number;
  now?: Date;
  seed?: string;
  log?: (line: string) => void;
}

/** Share of sales that are storefront/WhatsApp orders rather than register sales. */
const ORDER_SHARE = 0.02;
/** Σ branch traffic (1 + 1.2 + 0.8) × the average weekday factor (≈ 1). */
const TRAFFIC_PER_DAY = 3;

export async function seedLarge(url: string, options: LargeOptions): Promise<SeedReport> {
  const log = options.log ?? (() => undefined);
  const days = options.days ?? 730;
  const sales = options.sales ?? 1_000_000;
  const started = Date.now();
  let rows = 0;
  let lastReport = 0;
  return runSeed(
    url,
    {
      now: options.now ?? new Date(),
      seed: options.seed ?? DEFAULT_SEED,
      products: options.products ?? 100_000,
      images: "category",
      customers: options.customers ?? 20_000,
      stockScale: 1,
      history: {
        days,
        posSalesPerBranchDay: (sales * (1 - ORDER_SHARE)) / days / TRAFFIC_PER_DAY,
        ordersPerDay: (sales * ORDER_SHARE) / days,
        flushEveryDays: 7,
        progress: (done) => {
          const now = Date.now();
          if (now - lastReport < 5_000 && done !== days) return;
          lastReport = now;
          const seconds = (now - started) / 1000;
          log(
            `history: day ${done}/${days} · ${rows.toLocaleString("en")} rows in ${seconds.toFixed(0)} s (${Math.round(rows / seconds).toLocaleString("en")} rows/s)`,
          );
        },
      },
      log,
    },
    { uploadsDir: options.uploadsDir, log, onRows: (confirmed) => (rows = confirmed) },
  );
}
