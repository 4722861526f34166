import { defineConfig } from "vitest/config";

// The storefront's pure logic (message formatting in the browser): no database, no browser.
export default defineConfig({ test: { include: ["src/**/*.test.ts"] } });
