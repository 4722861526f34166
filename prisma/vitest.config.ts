import { databaseTestConfig } from "@pos/vitest-config";
import { mergeConfig } from "vitest/config";

// The seed's tests run against real PostgreSQL: one migrated database per test file (see @pos/db/testing).
export default mergeConfig(databaseTestConfig("../packages/db/src/testing/global-setup.ts"), {
  test: { include: ["seed/**/*.test.ts"] },
});
