// Runs `prisma generate` without the native schema engine (generate never calls it, but the CLI wants a path).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const stub = fileURLToPath(new URL("./no-schema-engine", import.meta.url));
const result = spawnSync("prisma", ["generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  shell: process.platform === "win32",
});
process.exit(result.status ?? 1);
