// `pnpm bench live [--url U] [--subscribers N] [--rate R] [--seconds S] [--warmup-seconds W]`
// A sale committed on instance A reaches a `stock.onChange` subscriber on instance B: two app processes, each
// with its own Prisma pool and LISTEN/NOTIFY bus, N subscribers (SSE, the tRPC client the apps use) on B
// watching the branches round-robin, register sales posted to A at a steady rate. Latency is receipt time minus
// the event's `at` (stamped on A as the sale's transaction publishes it, same machine clock, ms resolution).
// Lost = events each subscriber should have had (the sales at its branch) that never came. Baseline from the same
// run: bare pg NOTIFY → LISTEN at the same rate, the transport's own latency with nothing of ours around it.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { createTRPCClient, httpSubscriptionLink, type TRPCClient } from "@trpc/client";
import { EventSource } from "eventsource";
import pg from "pg";
import superjson from "superjson";
import type { AppRouter } from "@pos/api";
import { intFlag, parseFlags } from "./lib/args.ts";
import { benchDatabase } from "./lib/db.ts";
import { apiSale, prepare, type Setup } from "./lib/register-sales.ts";
import { note, printResult } from "./lib/report.ts";
import { summarize } from "./lib/stats.ts";
import { trpcMutation } from "./lib/trpc-server.ts";

/** Targets from the issue. */
const TARGET = { p99Ms: 100, lost: 0 } as const;
/** After the last sale, how long stragglers may take before they count as lost. */
const GRACE_MS = 3000;

interface Instance {
  url: string;
  child: ChildProcess;
}

function startInstance(databaseUrl: string, user: unknown): Promise<Instance> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", new URL("lib/live-instance.ts", import.meta.url).pathname, databaseUrl, JSON.stringify(user)],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`instance exited with ${code} before listening`)));
    createInterface({ input: child.stdout }).once("line", (line) => {
      resolve({ url: (JSON.parse(line) as { url: string }).url, child });
    });
  });
}

function stopInstance(instance: Instance): Promise<void> {
  if (instance.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    instance.child.once("exit", () => resolve());
    instance.child.kill("SIGTERM");
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls `tick(i)` `rate` times a second for `seconds`, without waiting for each call; resolves when all settle. */
async function paced(rate: number, seconds: number, tick: (i: number) => Promise<void>): Promise<void> {
  const pending: Promise<void>[] = [];
  const started = Date.now();
  const total = rate * seconds;
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    if (due > Date.now()) await sleep(due - Date.now());
    pending.push(tick(i));
  }
  await Promise.all(pending);
}

/** The transport alone: NOTIFY on one connection, LISTEN on another, the sender's Date.now() as payload. */
async function notifyBaseline(url: string, rate: number, seconds: number) {
  const listener = new pg.Client({ connectionString: url });
  const sender = new pg.Client({ connectionString: url });
  await Promise.all([listener.connect(), sender.connect()]);
  const samples: number[] = [];
  listener.on("notification", (message) => samples.push(Date.now() - Number(message.payload)));
  await listener.query("LISTEN bench_live_baseline");
  const started = Date.now();
  await paced(rate, seconds, async () => {
    await sender.query("SELECT pg_notify('bench_live_baseline', $1)", [String(Date.now())]);
  });
  await sleep(500);
  const lost = rate * seconds - samples.length;
  await Promise.all([listener.end(), sender.end()]);
  return { ...summarize(samples, Date.now() - started, 0), lost };
}

interface Subscriber {
  branchId: number;
  received: Set<string>;
  synced: Promise<void>;
  resyncs: number;
  close(): void;
}

function subscribe(client: TRPCClient<AppRouter>, branchId: number, latencies: number[]): Subscriber {
  let ready: () => void = () => undefined;
  let failed: (error: unknown) => void = () => undefined;
  const synced = new Promise<void>((resolve, reject) => {
    ready = resolve;
    failed = reject;
  });
  const subscriber: Subscriber = { branchId, received: new Set(), synced, resyncs: 0, close: () => undefined };
  const subscription = client.stock.onChange.subscribe(
    { branchId },
    {
      onData: ({ id, data }) => {
        if (data.type === "sync") {
          if (data.reason === "start") ready();
          else subscriber.resyncs++;
          return;
        }
        latencies.push(Date.now() - data.at);
        subscriber.received.add(id);
      },
      onError: failed,
    },
  );
  subscriber.close = () => subscription.unsubscribe();
  return subscriber;
}

interface Phase {
  url: string;
  setup: Setup;
  rate: number;
  seconds: number;
  subscribers: Subscriber[];
  /** Sale numbers already used, so each phase sells other items. */
  offset: number;
}

/** Sales on A at `rate` for `seconds`, then waits (up to GRACE_MS) for every subscriber's events to arrive. */
async function salesPhase({ url, setup, rate, seconds, subscribers, offset }: Phase) {
  for (const subscriber of subscribers) subscriber.received.clear();
  const sold = new Map<number, number>();
  let errors = 0;
  const started = Date.now();
  await paced(rate, seconds, async (i) => {
    const sale = apiSale(setup, offset + i);
    try {
      await trpcMutation(url, "sales.create", sale);
      sold.set(sale.branchId, (sold.get(sale.branchId) ?? 0) + 1);
    } catch {
      errors++;
    }
  });
  const expected = subscribers.reduce((sum, subscriber) => sum + (sold.get(subscriber.branchId) ?? 0), 0);
  const received = () => subscribers.reduce((sum, subscriber) => sum + subscriber.received.size, 0);
  const graceEnds = Date.now() + GRACE_MS;
  while (received() < expected && Date.now() < graceEnds) await sleep(50);
  const sales = [...sold.values()].reduce((sum, n) => sum + n, 0);
  return { sales, errors, expected, lost: expected - received(), elapsed: Date.now() - started };
}

export default async function liveBench(argv: string[]): Promise<void> {
  const flags = parseFlags(argv);
  const subscriberCount = intFlag(flags, "subscribers", 200);
  const rate = intFlag(flags, "rate", 20);
  const seconds = intFlag(flags, "seconds", 10);
  const warmup = intFlag(flags, "warmup-seconds", 3);
  const database = await benchDatabase({
    url: flags.get("url"),
    products: intFlag(flags, "products", 20000),
    name: "pos_bench_lookup",
  });
  note(`Database: ${database.source} (the benchmark adds sales and PURCHASE stock to it)`);
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  const instances: Instance[] = [];
  const subscribers: Subscriber[] = [];
  try {
    const setup = await prepare(pool);
    const [a, b] = [await startInstance(database.url, setup.user), await startInstance(database.url, setup.user)];
    instances.push(a, b);
    note(`A (sells) ${a.url}, B (streams) ${b.url}; ${subscriberCount} subscribers, ${rate} sales/s for ${seconds} s`);

    const baseline = await notifyBaseline(database.url, rate, seconds);

    const client = createTRPCClient<AppRouter>({
      links: [httpSubscriptionLink({ url: b.url, transformer: superjson, EventSource })],
    });
    const latencies: number[] = [];
    const branchIds = setup.registers.map((register) => register.branchId);
    for (let i = 0; i < subscriberCount; i++) {
      subscribers.push(subscribe(client, branchIds[i % branchIds.length] ?? 0, latencies));
    }
    await Promise.all(subscribers.map((subscriber) => subscriber.synced));
    note(`${subscriberCount} subscribers synced on B`);

    // Untimed first: the first second of events runs through code no process has compiled yet.
    const warm = await salesPhase({ url: a.url, setup, rate, seconds: warmup, subscribers, offset: 0 });
    note(`warm-up: ${warm.sales} sales, ${warm.lost} deliveries lost`);
    latencies.length = 0;
    const { sales, expected, lost, errors, elapsed } = await salesPhase({
      url: a.url,
      setup,
      rate,
      seconds,
      subscribers,
      offset: warm.sales + warm.errors,
    });
    const resyncs = subscribers.reduce((sum, subscriber) => sum + subscriber.resyncs, 0);
    const result = summarize(latencies, elapsed, errors);
    printResult({
      bench: "live",
      case: "sale on A → stock.onChange on B",
      subscribers: subscriberCount,
      sales,
      deliveries_expected: expected,
      ...result,
      rps: undefined,
      deliveries_per_s: Math.round((latencies.length / elapsed) * 1000),
      lost,
      resyncs,
      target_p99_ms: TARGET.p99Ms,
      target_lost: TARGET.lost,
      target_met: errors === 0 && lost <= TARGET.lost && result.p99_ms <= TARGET.p99Ms,
      baseline: { via: "pg NOTIFY → LISTEN", ...baseline, rps: undefined },
    });
  } finally {
    for (const subscriber of subscribers) subscriber.close();
    await Promise.all(instances.map(stopInstance));
    await pool.end();
    await database.release();
  }
}
