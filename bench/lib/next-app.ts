// A production build of one of our Next apps, started on the demo shop's data for a browser bench.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
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
  /** The workspace package, e.g. "@pos/pos". */
  name: string;
  /** Its folder under the repository, e.g. "apps/pos". */
  dir: string;
  /** A path that answers 200 once the app is up. */
  readyPath: string;
}

/** `next start` of the app's production build (built first if there is none), in its own process group. */
export async function startApp(
  app: NextApp,
  options: { databaseUrl: string; port: number; env?: Record<string, string> },
): Promise<ChildProcess> {
  if (!existsSync(join(root, app.dir, ".next/BUILD_ID"))) {
    note(`Building ${app.dir} (no production build yet)…`);
    await run("pnpm", ["--filter", app.name, "build"]);
  }
  const child = spawn("pnpm", ["--filter", app.name, "exec", "next", "start", "--port", String(options.port)], {
    cwd: root,
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

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`))));
  });
}
