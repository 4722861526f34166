// What the global setup hands to test files (vitest's provide/inject crosses from the main process to workers).
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** The test server's maintenance database URL: test databases are created and dropped through it. */
    posDbServerUrl: string;
    /** The migrated template every test database is cloned from. */
    posDbTemplate: string;
  }
}

function provided(key: "posDbServerUrl" | "posDbTemplate"): string {
  const value: string | undefined = inject(key);
  if (!value) {
    throw new Error(
      `No test database server (${key} was not provided). Use databaseTestConfig("…/@pos/db/src/testing/global-setup.ts") ` +
        "from @pos/vitest-config in this package's vitest.config.ts, or pass serverUrl/template explicitly.",
    );
  }
  return value;
}

export const providedServerUrl = (): string => provided("posDbServerUrl");
export const providedTemplate = (): string => provided("posDbTemplate");
