// `pnpm test`: everything CI checks, in the order that fails fastest.
//   format → lint + typecheck → vitest (all packages, real PostgreSQL) → build apps → Playwright (Chromium)
// One database server serves the whole run: DATABASE_URL if set, else the embedded PostgreSQL, started once here
// so parallel test processes share it. Ends with one "N passed, N failed" line counting vitest and Playwright tests.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensureDatabaseServer } from "@pos/db/server";
import { repoRoot, run } from "./processes.ts";

// Not test-results/: Playwright empties that folder (its outputDir) when it starts.
const reports = join(repoRoot, ".test-reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const server = await ensureDatabaseServer();
const env = {
  DATABASE_URL: server.url,
  AUTH_SECRET: process.env.AUTH_SECRET ?? "test-secret-not-for-production",
  AUTH_TRUST_HOST: "true",
  NEXT_TELEMETRY_DISABLED: "1",
};

interface Step {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
}
const steps: Step[] = [
  { name: "format", command: "pnpm", args: ["exec", "prettier", "--check", "--log-level", "warn", "."] },
  { name: "lint and typecheck", command: "pnpm", args: ["run", "--silent", "check"] },
  {
    name: "unit and integration tests",
    command: "pnpm",
    args: [
      "exec",
      "vitest",
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${join(reports, "vitest.json")}`,
    ],
  },
  {
    name: "build apps",
    command: "pnpm",
    args: ["exec", "turbo", "run", "build", "--filter=./apps/*", "--output-logs=errors-only"],
  },
  {
    name: "browser tests",
    command: "pnpm",
    args: ["exec", "playwright", "test", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, "playwright.json") },
  },
];

const started = Date.now();
let failedStep: string | undefined;
for (const step of steps) {
  console.info(`\n▶ ${step.name}`);
  const t0 = Date.now();
  const code = await run(step.command, step.args, { env: { ...env, ...step.env } });
  console.info(`${code === 0 ? "✓" : "✗"} ${step.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (code !== 0) {
    failedStep = step.name;
    break;
  }
}
await server.stop();

/** Counts from the JSON reports; a step that did not run contributes nothing. */
function counts(): { passed: number; failed: number; skipped: number } {
  const total = { passed: 0, failed: 0, skipped: 0 };
  const vitestFile = join(reports, "vitest.json");
  if (existsSync(vitestFile)) {
    const v = JSON.parse(readFileSync(vitestFile, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    total.passed += v.numPassedTests;
    total.failed += v.numFailedTests;
    total.skipped += v.numPendingTests + v.numTodoTests;
  }
  const playwrightFile = join(reports, "playwright.json");
  if (existsSync(playwrightFile)) {
    const p = JSON.parse(readFileSync(playwrightFile, "utf8")) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    };
    total.passed += p.stats.expected + p.stats.flaky;
    total.failed += p.stats.unexpected;
    total.skipped += p.stats.skipped;
  }
  return total;
}

const { passed, failed, skipped } = counts();
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
if (failedStep) console.error(`\n✗ stopped at: ${failedStep} (${minutes} min)`);
else console.info(`\n✓ all steps green (${minutes} min)`);
console.info(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failedStep || failed > 0 ? 1 : 0);
