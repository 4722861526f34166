// `pnpm bench import [--rows N] [--baseline-rows N] [--url U]`
// A catalog import of N rows (default 5,000, the limit) as the back office runs it: preview, start, poll the job
// until it ends. Printed: rows/s and the event loop's worst delay while the job ran (what a register sharing the
// process would wait), next to a baseline from the same run: the same kind of rows created one product at a time
// through products.create (the form's path), and the event loop while idle.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { createPrismaClient, type Db } from "@pos/db";
import { createDatabase, deployMigrations, dropDatabase } from "@pos/db/migrate";
import { ensureDatabaseServer } from "@pos/db/server";
import { createCaller, createContextInner, silentLogger } from "@pos/api";
import { intFlag, parseFlags } from "./lib/args.ts";
import { note, printResult } from "./lib/report.ts";

const DATABASE = "pos_bench_import";
const POLL_MS = 250;

type Caller = ReturnType<typeof createCaller>;

async function manager(db: Db): Promise<Caller> {
  const user = await db.user.create({
    data: { name: "Bench", email: `bench-${Date.now()}@bench.pos`, passwordHash: "x", role: "MANAGER" },
  });
  const session = { user: { id: user.id, name: user.name, email: user.email, role: user.role, branchId: null } };
  return createCaller(createContextInner({ db, session, log: silentLogger, requestId: "bench" }));
}

/** Half sized products (S/M/L rows), half without sizes, each row with opening stock at the branch. */
function csvRows(rows: number, prefix: string, branchCode: string): string {
  const header = `producto;nombre;categoria;talle;sku;precio;costo;stock_${branchCode}`;
  const lines: string[] = [];
  for (let i = 0; lines.length < rows; i++) {
    const sizes = i % 2 === 0 ? ["S", "M", "L"] : [""];
    for (const size of sizes.slice(0, rows - lines.length)) {
      const sku = `${prefix}-${i}${size ? `-${size}` : ""}`;
      lines.push(`${prefix}-${i};Bench ${prefix} ${i};bench;${size};${sku};15999,50;8000;5`);
    }
  }
  return `\uFEFF${[header, ...lines].join("\r\n")}\r\n`;
}

async function measure<T>(work: () => Promise<T>) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  delay.disable();
  return { result, seconds, maxDelayMs: delay.max / 1e6, p99DelayMs: delay.percentile(99) / 1e6 };
}

export default async function importBench(argv: string[]): Promise<void> {
  const flags = parseFlags(argv);
  const rows = intFlag(flags, "rows", 5000);
  const baselineRows = intFlag(flags, "baseline-rows", 600);
  const server = flags.get("url") ? null : await ensureDatabaseServer({ log: note });
  const admin = flags.get("url") ?? server?.adminUrl ?? "";
  const url = new URL(admin);
  url.pathname = `/${DATABASE}`;
  await dropDatabase(admin, DATABASE);
  await createDatabase(admin, DATABASE);
  await deployMigrations({ url: url.href, log: note });
  const db = createPrismaClient(url.href);
  try {
    const category = await db.category.create({ data: { name: "Bench", slug: "bench" } });
    const branch = await db.branch.create({ data: { name: "Bench", code: "BEN", address: "-" } });
    const caller = await manager(db);

    const idle = await measure(() => sleep(1000));
    printResult({ bench: "import", case: "idle event loop, 1 s", maxDelayMs: round(idle.maxDelayMs) });

    const file = {
      fileName: "bench.csv",
      content: Buffer.from(csvRows(rows, "IMP", branch.code)).toString("base64"),
    };
    const preview = await measure(() => caller.imports.preview(file));
    printResult({
      bench: "import",
      case: `preview ${rows} rows`,
      seconds: round(preview.seconds),
      maxDelayMs: round(preview.maxDelayMs),
      failedRows: preview.result.failedRows,
    });

    const job = await measure(async () => {
      const started = await caller.imports.start(file);
      for (;;) {
        const current = await caller.imports.get({ id: started.id });
        if (current.status !== "RUNNING") return current;
        await sleep(POLL_MS);
      }
    });
    printResult({
      bench: "import",
      case: `import job, ${rows} rows (start → COMPLETED)`,
      status: job.result.status,
      okRows: job.result.okRows,
      failedRows: job.result.failedRows,
      rowsPerSecond: round(rows / job.seconds),
      maxDelayMs: round(job.maxDelayMs),
      p99DelayMs: round(job.p99DelayMs),
    });

    // Baseline: products.create one at a time, no stock (the form's path), for a sample of rows.
    const baseline = await measure(async () => {
      let created = 0;
      for (let i = 0; created < baselineRows; i++) {
        const sized = i % 2 === 0;
        const variants = sized ? ["S", "M", "L"].slice(0, baselineRows - created) : [null];
        await caller.products.create({
          name: `Baseline ${i}`,
          categoryId: category.id,
          price: "15999.50",
          cost: "8000",
          sizeSystem: sized ? "CLOTHING" : "NONE",
          variants: variants.map((sizeLabel) => ({ sizeLabel })),
        });
        created += variants.length;
      }
      return created;
    });
    printResult({
      bench: "import",
      case: `baseline: products.create one by one, ${baseline.result} rows`,
      rowsPerSecond: round(baseline.result / baseline.seconds),
      maxDelayMs: round(baseline.maxDelayMs),
      p99DelayMs: round(baseline.p99DelayMs),
    });
  } finally {
    await db.$disconnect();
    await server?.stop();
  }
}

const round = (value: number) => Math.round(value * 10) / 10;
