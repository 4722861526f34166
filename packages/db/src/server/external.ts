// DATABASE_URL mode: the user's own server. We only check it answers and create the database if missing.
import {
  createDatabaseIfMissing,
  databaseOf,
  describeConnectError,
  errorCode,
  redactUrl,
  withClient,
  withDatabase,
} from "./pg.ts";
import type { DatabaseServer, Log } from "./types.ts";

export interface ExternalOptions {
  /** Create the database named in the URL when it does not exist (needs CREATEDB). Default true. */
  createDatabase?: boolean;
  log: Log;
}

export async function useExternalServer(url: string, options: ExternalOptions): Promise<DatabaseServer> {
  const adminUrl = withDatabase(url, "postgres");
  const database = databaseOf(url);
  try {
    await withClient(url, async (client) => client.query("SELECT 1"));
  } catch (error) {
    if (errorCode(error) !== "3D000" || options.createDatabase === false)
      throw new Error(describeConnectError(url, error), { cause: error });
    await createThroughAdmin(adminUrl, database);
    options.log(`Created database "${database}" on the DATABASE_URL server.`);
  }
  options.log(`PostgreSQL (DATABASE_URL) at ${redactUrl(url)}`);
  return { url, adminUrl, embedded: false, stop: () => Promise.resolve() };
}

async function createThroughAdmin(adminUrl: string, database: string): Promise<void> {
  try {
    await withClient(adminUrl, async (client) => createDatabaseIfMissing(client, database));
  } catch (error) {
    if (errorCode(error) === "42501") {
      throw new Error(
        `Database "${database}" does not exist and the user in DATABASE_URL may not create it. ` +
          `Create it (CREATE DATABASE "${database}") or grant CREATEDB to that user.`,
        { cause: error },
      );
    }
    throw new Error(
      `Database "${database}" does not exist and could not be created: ${describeConnectError(adminUrl, error)}`,
      {
        cause: error,
      },
    );
  }
}
