// Vitest global setup for database tests (see @pos/vitest-config's databaseTestConfig): runs once per
// vitest process, before any test file. Starts or reuses the server (DATABASE_URL, else the embedded one),
// clears test databases left by crashed runs, makes sure the migrated template exists, and tells the
// workers where they are. Several vitest processes (turbo, one per package) may do this at once.
import type { TestProject } from "vitest/node";
import { ensureDatabaseServer } from "../server.ts";
import "./context.ts";
import { dropStaleTestDatabases } from "./databases.ts";
import { ensureTemplateDatabase } from "./template.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await ensureDatabaseServer();
  try {
    const dropped = await dropStaleTestDatabases(server.adminUrl);
    if (dropped.length > 0) console.info(`Dropped ${dropped.length} test databases left over by earlier runs.`);
    const template = await ensureTemplateDatabase(server.adminUrl, { log: (line) => console.info(`  ${line}`) });
    project.provide("posDbServerUrl", server.adminUrl);
    project.provide("posDbTemplate", template);
  } catch (error) {
    await server.stop();
    throw error;
  }
  // The embedded server stops when the last process using it is done (and not pinned by `pnpm db:up`).
  return () => server.stop();
}
