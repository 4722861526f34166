// `pnpm db:seed`: the demo shop: 3 branches, ~300 products, 90 days of sales. The same seed string and "now"
// give the same rows; without `now`, dates follow today (see README "Demo data").
import { DEFAULT_SEED } from "./generate.ts";
import { runSeed, type SeedReport } from "./run.ts";

export interface DemoOptions {
  /** Where `/uploads/*` is served from (the repository's .data/uploads); images go under demo/. */
  uploadsDir: string;
  /** The seed's "now" (default: the current time). Pass a fixed moment for identical data. */
  now?: Date;
  seed?: string;
  /** Scale knobs, for tests that want a smaller shop. */
  products?: number;
  days?: number;
  log?: (line: string) => void;
}

export async function seedDemo(url: string, options: DemoOptions): Promise<SeedReport> {
  const log = options.log ?? (() => undefined);
  const days = options.days ?? 90;
  return runSeed(
    url,
    {
      now: options.now ?? new Date(),
      seed: options.seed ?? DEFAULT_SEED,
      products: options.products ?? 300,
      images: "product",
      customers: 200,
      stockScale: 1,
      history: {
        days,
        posSalesPerBranchDay: 24,
        ordersPerDay: 4,
        flushEveryDays: 30,
        progress: (done) => {
          if (done % 30 === 0 || done === days) log(`history: day ${done}/${days}`);
        },
      },
      log,
    },
    { uploadsDir: options.uploadsDir, log },
  );
}
