import { databaseTestConfig } from "@pos/vitest-config";

export default databaseTestConfig("./src/testing/global-setup.ts");
