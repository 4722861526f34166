// Runs after Playwright has started the apps (it starts web servers first) and before any test. The apps
// connect lazily, so rebuilding their database here is safe as long as nothing has queried it yet.
import { createPrismaClient } from "@pos/db";
import { createDatabase, deployMigrations, dropDatabase } from "@pos/db/migrate";
import { adminDatabaseUrl, E2E_DATABASE, e2eDatabaseUrl } from "./env.ts";
import { loadFixture } from "./fixture.ts";

export default async function globalSetup(): Promise<void> {
  await dropDatabase(adminDatabaseUrl(), E2E_DATABASE);
  await createDatabase(adminDatabaseUrl(), E2E_DATABASE);
  await deployMigrations({ url: e2eDatabaseUrl() });
  const db = createPrismaClient(e2eDatabaseUrl(), { poolMax: 2 });
  try {
    await loadFixture(db);
  } finally {
    await db.$disconnect();
  }
}
