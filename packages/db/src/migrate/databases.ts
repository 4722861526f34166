// Creating and dropping whole databases (shadow databases, test databases) on the server behind a URL.
import pg from "pg";
import { connectionError } from "./errors.ts";
import { quoteIdent } from "./url.ts";

/** Runs one statement on a short-lived connection to the database in `url` (any database on the server). */
async function runOnServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw connectionError(error, url);
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function createDatabase(serverUrl: string, name: string): Promise<void> {
  return runOnServer(serverUrl, `CREATE DATABASE ${quoteIdent(name)}`);
}

/** WITH (FORCE) (PostgreSQL 13+) ends sessions a crashed engine or pool may have left behind. */
export function dropDatabase(serverUrl: string, name: string): Promise<void> {
  return runOnServer(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
}
