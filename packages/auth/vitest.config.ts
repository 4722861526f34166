import { mergeConfig } from "vitest/config";
import { databaseTestConfig } from "@pos/vitest-config";

export default mergeConfig(databaseTestConfig("../db/src/testing/global-setup.ts"), {
  // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses outside Next's
  // bundler; letting Vite process it resolves the import the way Next does.
  test: { server: { deps: { inline: ["next-auth"] } } },
});
