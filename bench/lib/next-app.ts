// A production build of one of our Next apps, started on the demo shop's data for a browser bench.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createDatabase, deployMigrations } from "@pos/db/migrate";
import { seedDemo } from "../../prisma/seed/demo.ts";
import { note } from "./report.ts";

export const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

/** The demo shop in its own database on the server, seeded on first use; its URL. */
export async function demoDatabase(adminUrl: string, database: string): Promise<string> {
  const target = new URL(adminUrl);
  target.pathname = `/${database}`;
  const url = target.href;
  const exists = await query<{ n: number }>(adminUrl, "SELECT count(*)::int AS n FROM pg_database WHERE datname = $1", [
    database,
  ]);
  if (exists[0]?.n === 0) await createDatabase(adminUrl, database);
  await deployMigrations({ url, log: note });
  const products = await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM "Product"');
  if (products[0]?.n === 0) {
    note(`Seeding the demo shop into ${database} (once)…`);
    await seedDemo(url, { uploadsDir: BENCH_UPLOADS_DIR, log: note });
  }
  return url;
}

/**
 * Where the demo shop's images are written (with its database, once) and where a bench's app serves them from:
 * one folder kept between runs, so a database seeded earlier still has its pictures.
 */
export const BENCH_UPLOADS_DIR = join(root, ".data/bench-uploads");

export async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export interface NextApp {
  /** Its folder under the repository, e.g. "apps/pos". */
  dir: string;
  /** A path that answers 200 once the app is up. */
  readyPath: string;
}

/**
 * The framework's floor: a minimal Next app (bench/next-floor) audited next to the storefront. It is no workspace
 * package, so it borrows the storefront's installed Next through a node_modules link made here.
 */
export function nextFloor(): NextApp {
  const modules = join(root, "bench/next-floor/node_modules");
  if (!existsSync(modules)) symlinkSync("../../apps/store/node_modules", modules, "dir");
  return { dir: "bench/next-floor", readyPath: "/" };
}

/** `next start` of the app's production build (built first if there is none), in its own process group. */
export async function startApp(
  app: NextApp,
  options: { databaseUrl: string; port: number; env?: Record<string, string> },
): Promise<ChildProcess> {
  const cwd = join(root, app.dir);
  // The app's own Next (a link for the floor, which borrows the storefront's), as its `build` script runs it.
  const next = join(cwd, "node_modules/.bin/next");
  if (!existsSync(join(cwd, ".next/BUILD_ID"))) {
    note(`Building ${app.dir} (no production build yet)…`);
    await run(next, ["build"], cwd);
  }
  // Another server on the port would answer the readiness check below and be measured instead of this app.
  const taken = await fetch(`http://127.0.0.1:${options.port}/`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`Port ${options.port} is already in use: stop what runs there or pass --port`);
  const child = spawn(next, ["start", "--port", String(options.port)], {
    cwd,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-not-for-production",
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const up = await fetch(`http://127.0.0.1:${options.port}${app.readyPath}`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stopApp(child);
  throw new Error(`${app.dir} did not answer on port ${options.port} within 60 s`);
}

export async function stopApp(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  await exited;
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`))));
  });
}
