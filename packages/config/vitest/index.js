// Plain JavaScript on purpose: Vitest loads config files through Vite, which leaves workspace packages in
// node_modules un-transpiled, so a TypeScript preset would fail with "Unknown file extension .ts".
import { defineConfig } from "vitest/config";

/**
 * Vitest preset for packages whose tests touch the database. The global setup starts (or reuses) the
 * PostgreSQL server and migrates a template database once; each test file then clones its own database
 * from that template (see @pos/db/testing), so files run in parallel without seeing each other's rows.
 * @param {string} globalSetup path of the global setup module, relative to the package
 */
export function databaseTestConfig(globalSetup) {
  return defineConfig({
    test: {
      globalSetup: [globalSetup],
      include: ["src/**/*.test.ts", "test/**/*.test.ts", "scripts/**/*.test.ts", "seed/**/*.test.ts"],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      pool: "forks",
    },
  });
}
