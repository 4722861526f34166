import { assertServerEnv } from "~/env";

/** Exits the process with a readable message rather than serving requests that are bound to fail. */
export function checkEnvOrExit(): void {
  try {
    assertServerEnv();
  } catch (error) {
    console.error(`\n✗ apps/pos cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
