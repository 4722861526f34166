import { defineConfig } from "vitest/config";

// The register's pure logic (cart, totals, typed amounts, local search): no database, no browser.
export default defineConfig({ test: { include: ["src/**/*.test.ts"] } });
