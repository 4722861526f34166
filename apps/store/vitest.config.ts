import { defineConfig } from "vitest/config";

// The storefront's pure logic (message formatting, picture markup): no database, no browser.
// tsconfig keeps JSX for Next to compile (`preserve`); the tests compile it with React's automatic runtime.
export default defineConfig({ oxc: { jsx: { runtime: "automatic" } }, test: { include: ["src/**/*.test.{ts,tsx}"] } });
