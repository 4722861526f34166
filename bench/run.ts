// `pnpm bench <name> [--flags]`: runs bench/<name>.ts, whose default export takes the remaining arguments.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((file) => file.endsWith(".ts") && file !== "run.ts")
  .map((file) => file.slice(0, -3))
  .sort();

const [name, ...rest] = process.argv.slice(2).filter((arg) => arg !== "--");
if (!name || !available.includes(name)) {
  if (name) console.error(`Unknown benchmark "${name}".`);
  console.error(`Usage: pnpm bench <name> [--flags]\nAvailable: ${available.join(", ")}`);
  process.exit(name ? 1 : 0);
}

const mod = (await import(pathToFileURL(join(here, `${name}.ts`)).href)) as {
  default: (argv: string[]) => Promise<void>;
};
await mod.default(rest);
