import { defineConfig } from "vitest/config";

// One run over every package's tests (each project brings its own config and database setup).
export default defineConfig({
  test: {
    projects: [
      "packages/*/vitest.config.ts",
      "apps/pos/vitest.config.ts",
      "apps/store/vitest.config.ts",
      "prisma/vitest.config.ts",
    ],
  },
});
