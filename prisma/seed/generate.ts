// The whole shop from one seed string, for the demo and the large benchmark alike (only the scale differs).
// Deterministic: catalog, staff, configuration, customers and opening stock depend on the seed string only;
// the history also on the local date of "now" (weekday patterns follow the calendar), so the same seed and the
// same "now" give identical rows.
import { generateCatalog } from "./catalog.ts";
import { BRANCHES, FULFILLMENT_BRANCH_CODE, pushBranches, pushPaymentMethods, pushStorefront } from "./config.ts";
import { pushCustomers } from "./customers.ts";
import { finishSeed } from "./database.ts";
import { simulateHistory, type HistoryOptions } from "./history.ts";
import { Ledger } from "./ledger.ts";
import { Random } from "./random.ts";
import type { RowSink } from "./rows.ts";
import { Sim, type SimCounts } from "./sim.ts";
import { pushInitialStock } from "./stock.ts";
import { DAY_MS, atLocal, localMidnight } from "./time.ts";
import { pushUsers } from "./users.ts";

export const DEFAULT_SEED = "sur-deportes-v1";

export interface GenerateOptions {
  /** The seed's "now": history ends yesterday (local time), a few orders arrive today. */
  now: Date;
  seed: string;
  products: number;
  images: "product" | "category";
  customers: number;
  stockScale: number;
  history: HistoryOptions;
  log: (line: string) => void;
}

export interface GenerateResult {
  /** Placeholder images to write, by path relative to the uploads directory. */
  files: Map<string, string>;
  counts: SimCounts & { products: number; variants: number; movements: number };
}

/** Branch traffic: Palermo is the busiest, the outlet the quietest. */
const TRAFFIC: Record<string, number> = { CEN: 1, PAL: 1.2, NOR: 0.8 };
/** How deep each branch's shelves are relative to the others. */
const DEPTH: Record<string, number> = { CEN: 1, PAL: 1.2, NOR: 0.7 };

export async function generateShop(sink: RowSink, options: GenerateOptions): Promise<GenerateResult> {
  const root = new Random(options.seed);
  const cutoff = localMidnight(options.now.getTime());
  const historyStart = cutoff - options.history.days * DAY_MS;
  const openedAt = new Date(atLocal(historyStart - 30 * DAY_MS, 9));

  const branchIds = pushBranches(sink, openedAt);
  const staff = await pushUsers(sink, branchIds, openedAt);
  const payments = pushPaymentMethods(sink, openedAt);
  const fulfillmentBranchId = branchIds.get(FULFILLMENT_BRANCH_CODE) ?? 1;
  const files = pushStorefront(sink, fulfillmentBranchId, openedAt);

  options.log(`catalog: ${options.products.toLocaleString("en")} products`);
  const catalog = await generateCatalog(
    root.fork("catalog"),
    { products: options.products, createdAt: openedAt, images: options.images },
    sink,
  );
  for (const [path, svg] of catalog.files) files.set(path, svg);
  const customers = pushCustomers(root.fork("customers"), sink, options.customers, new Date(historyStart));
  await sink.flush();

  const ledger = new Ledger(sink, BRANCHES.length, catalog.variants.length);
  const branches = BRANCHES.map((branch) => ({
    id: branchIds.get(branch.code) ?? 0,
    code: branch.code,
    traffic: TRAFFIC[branch.code] ?? 1,
  }));
  await pushInitialStock(root.fork("stock"), catalog, ledger, {
    at: new Date(atLocal(historyStart - DAY_MS, 9)),
    userId: staff.managerId,
    branchDepth: new Map(branches.map((branch) => [branch.id, DEPTH[branch.code] ?? 1])),
    scale: options.stockScale,
    flush: () => sink.flush(),
  });
  options.log(`opening stock: ${ledger.movements.toLocaleString("en")} INITIAL movements`);
  await sink.flush();

  const sim = new Sim(
    root.fork("history"),
    sink,
    catalog,
    ledger,
    payments,
    customers,
    staff,
    branches,
    fulfillmentBranchId,
    options.now.getTime(),
    cutoff,
  );
  await simulateHistory(sim, options.history);
  await ledger.writeStockLevels(openedAt);
  await finishSeed(sink, sim.numbers);
  return {
    files,
    counts: {
      ...sim.counts,
      products: catalog.products.length,
      variants: catalog.variants.length,
      movements: ledger.movements,
    },
  };
}
