// Small helpers around node-postgres for server management: URLs, one-off connections, readable errors.
import pg from "pg";

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function databaseOf(url: string): string {
  const parsed = new URL(url);
  // Without a database in the URL, PostgreSQL uses the user name, and so does libpq.
  return decodeURIComponent(parsed.pathname.slice(1)) || decodeURIComponent(parsed.username) || "postgres";
}

/** For logs: never print someone's real password. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A LIKE pattern matching `text` literally ("_" and "%" are wildcards otherwise). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\_%]/g, (char) => `\\${char}`);
}

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

function errorMessage(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return errorMessage(error.errors[0]);
  return error instanceof Error ? error.message : String(error);
}

/** One connection for one job, always closed. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  // An idle client whose server goes away emits 'error'; without a listener that would crash the process.
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** true if created, false if it already existed (also when a concurrent process created it first). */
export async function createDatabaseIfMissing(client: pg.Client, name: string): Promise<boolean> {
  const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (found.rowCount) return false;
  try {
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    return true;
  } catch (error) {
    if (errorCode(error) === "42P04") return false; // duplicate_database: someone else won the race
    throw error;
  }
}

/** Explains a connection failure in terms of what to do about it. */
export function describeConnectError(url: string, error: unknown): string {
  const { hostname, port } = new URL(url);
  const where = `${hostname}:${port || "5432"}`;
  const code = errorCode(error);
  const detail = errorMessage(error);
  switch (code) {
    case "ECONNREFUSED":
      return `Nothing is listening at ${where} (${detail}). Start that PostgreSQL server, or unset DATABASE_URL to use the embedded one.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot resolve the host in DATABASE_URL (${hostname}). Check the URL, or unset DATABASE_URL to use the embedded server.`;
    case "28P01":
    case "28000":
      return `PostgreSQL at ${where} rejected the user or password in the URL (${detail}). Fix the credentials in DATABASE_URL.`;
    case "3D000":
      return `Database "${databaseOf(url)}" does not exist at ${where}. Create it, or use a user allowed to create databases.`;
    default:
      return `Cannot connect to PostgreSQL at ${where}: ${detail}${code ? ` (${code})` : ""}.`;
  }
}
