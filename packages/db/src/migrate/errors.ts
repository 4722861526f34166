// One error type for everything the migration tools refuse to do. `code` mirrors Prisma's error code where
// one exists (P3005, P3009, P3018 …) so people can search for it; the message always says what to do next.
export type MigrationErrorCode =
  | "P1001" // database server unreachable
  | "P1003" // database does not exist
  | "P3005" // non-empty schema without migration history
  | "P3009" // a failed migration blocks deploys
  | "P3018" // a migration failed to apply
  | "EDITED" // an applied migration's file changed
  | "MISSING" // an applied migration's folder is gone
  | "LOCK_TIMEOUT"
  | "INVALID_NAME"
  | "INVALID_FOLDER"
  | "ENGINE";

/** How to run `resolve` from the repository root (there is no root script for it: it is rarely needed). */
export const RESOLVE_COMMAND = "pnpm exec tsx packages/db/scripts/migrate.ts resolve";

export class MigrationError extends Error {
  override readonly name = "MigrationError";
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The shape of errors thrown by `pg` for server-side failures (only the fields we read). */
export interface PgServerError {
  code: string;
  message: string;
  severity?: string;
  detail?: string;
  hint?: string;
  column?: string;
  position?: string;
}

export function isPgServerError(error: unknown): error is PgServerError & Error {
  return error instanceof Error && typeof (error as Partial<PgServerError>).code === "string" && "severity" in error;
}

/** Socket-level failures (server down, wrong host) carry a Node errno code such as ECONNREFUSED. */
function isSocketError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === "string" && "syscall" in error;
}

/**
 * Turns a connection failure into a message a person can act on. The URL is shown without its password.
 */
export function connectionError(error: unknown, url: string): Error {
  const where = redactUrl(url);
  if (isSocketError(error)) {
    return new MigrationError(
      "P1001",
      `Cannot reach PostgreSQL at ${where} (${error.code}). Is the server running? ` +
        "Start it with `pnpm db:up`, or set DATABASE_URL to a reachable server.",
    );
  }
  if (isPgServerError(error) && error.code === "3D000") {
    return new MigrationError(
      "P1003",
      `Database in ${where} does not exist (${error.message}). Create it first (\`pnpm db:up\` creates the app database).`,
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "<unparsable database URL>";
  }
}
