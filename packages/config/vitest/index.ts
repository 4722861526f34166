import { defineConfig } from "vitest/config";

/**
 * Vitest preset for packages whose tests touch the database. The global setup starts (or reuses) the
 * PostgreSQL server and migrates a template database once; each test file then clones its own database
 * from that template (see @pos/db/testing), so files run in parallel without seeing each other's rows.
 */
export function databaseTestConfig(globalSetup: string) {
  return defineConfig({
    test: {
      globalSetup: [globalSetup],
      include: ["src/**/*.test.ts", "test/**/*.test.ts", "scripts/**/*.test.ts"],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      pool: "forks",
    },
  });
}
