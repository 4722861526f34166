import { defineConfig } from "@playwright/test";
import { AUTH_SECRET, e2eDatabaseUrl, POS_PORT, POS_URL, STORE_PORT } from "./e2e/env.ts";

// Both apps run as built (`next start`): `pnpm test` builds them before this step. They get a database of
// their own (see e2e/global-setup.ts) and ports of their own, so running dev servers are left alone.
const appEnv = {
  DATABASE_URL: e2eDatabaseUrl(),
  AUTH_SECRET,
  AUTH_TRUST_HOST: "true",
  NEXT_TELEMETRY_DISABLED: "1",
};

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? "list" : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: POS_URL,
    locale: "es-AR",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Playwright cannot download its browser here; Debian's chromium works with these flags.
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "chromium", testIgnore: /store-closed\.spec\.ts/ },
    // Closing the store refuses every order: only once all the other tests are done.
    { name: "closed store", testMatch: /store-closed\.spec\.ts/, dependencies: ["chromium"] },
  ],
  // Readiness by port, not URL: a page would query the database before global setup has created it.
  webServer: [
    {
      command: `pnpm --filter @pos/pos exec next start --port ${POS_PORT}`,
      port: POS_PORT,
      env: appEnv,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `pnpm --filter @pos/store exec next start --port ${STORE_PORT}`,
      port: STORE_PORT,
      env: appEnv,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
