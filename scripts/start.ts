// `pnpm start` (production build) and `pnpm dev` (hot reload): one command brings up the whole product.
// 1. a database: DATABASE_URL if set, else an embedded PostgreSQL under .data/ (no install needed);
// 2. migrations applied, demo data loaded on first run;
// 3. the register/admin app on :3000 and the storefront on :3001, stopped together on Ctrl-C.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import { ensureDatabaseServer } from "@pos/db/server";
import { deployMigrations } from "@pos/db/migrate";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../prisma/seed/users.ts";
import { repoRoot, runOrExit, start, stopGroup } from "./processes.ts";

const dev = process.argv.includes("--dev");

/** A stable secret for local runs, so sessions survive a restart; production deployments set AUTH_SECRET. */
function localAuthSecret(): string {
  const file = join(repoRoot, ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(join(repoRoot, ".data"), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

const server = await ensureDatabaseServer();
await deployMigrations({ url: server.url, log: (line) => console.info(`  ${line}`) });
await runOrExit("pnpm", ["--silent", "db:seed"], { env: { DATABASE_URL: server.url } });

const env = {
  DATABASE_URL: server.url,
  AUTH_SECRET: process.env.AUTH_SECRET ?? localAuthSecret(),
  AUTH_TRUST_HOST: "true",
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: dev ? "development" : "production",
};
if (!dev) await runOrExit("pnpm", ["exec", "turbo", "run", "build", "--filter=./apps/*"], { env });

/** Runs the app's own `next` binary (not through pnpm) so Ctrl-C stops it quietly. */
function startApp(name: string, port: number, label: string): ChildProcess {
  const cwd = join(repoRoot, "apps", name);
  const next = join(cwd, "node_modules", ".bin", "next");
  return start(next, [dev ? "dev" : "start", "--port", String(port)], { cwd, env, label, group: true });
}

const apps: ChildProcess[] = [startApp("pos", 3000, "[pos]  "), startApp("store", 3001, "[store]")];

console.info(`
  Register and admin  http://localhost:3000
  Storefront          http://localhost:3001
  Database            ${server.embedded ? "embedded PostgreSQL" : "DATABASE_URL"}: ${server.url}

  Demo logins (password "${DEMO_PASSWORD}"):
${DEMO_LOGINS.map((login) => `    ${login.role.padEnd(8)} ${login.email}${login.note ? `  (${login.note})` : ""}`).join("\n")}

  Ctrl-C stops everything.
`);

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  for (const app of apps) stopGroup(app);
  await Promise.all(
    apps.map(
      (app) =>
        new Promise((resolve) =>
          app.exitCode !== null || app.signalCode !== null ? resolve(null) : app.once("exit", resolve),
        ),
    ),
  );
  await server.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
for (const app of apps) app.on("exit", (code) => void shutdown(code ?? 1));
