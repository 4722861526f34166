import { databaseTestConfig } from "@pos/vitest-config";

export default databaseTestConfig("../db/src/testing/global-setup.ts");
