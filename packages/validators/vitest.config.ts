import { defineConfig } from "vitest/config";

// Pure functions only: no database, so no global setup (and a config here stops vitest picking up the root one).
export default defineConfig({ test: { include: ["src/**/*.test.ts"] } });
