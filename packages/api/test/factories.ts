// Small factories for API tests: just the fields a test cares about, sensible defaults for the rest.
import { TRPCError } from "@trpc/server";
import {
  createContextInner,
  isDomainError,
  silentLogger,
  type Context,
  type Logger,
  type SessionUser,
} from "../src/index.ts";
import type { Db, Role } from "@pos/db";

let sequence = 0;
const next = () => ++sequence;

export async function createBranch(db: Db, name = `Sucursal ${next()}`) {
  const n = next();
  return db.branch.create({ data: { name, code: `B${n}`, address: `Calle ${n}` } });
}

export async function createUser(db: Db, role: Role, options: { branchId?: number | null; active?: boolean } = {}) {
  const n = next();
  const branchId = options.branchId ?? (role === "CASHIER" ? (await createBranch(db)).id : null);
  return db.user.create({
    data: {
      name: `${role.toLowerCase()} ${n}`,
      email: `user${n}@test.pos`,
      // Never verified in API tests; sign-in is tested in @pos/auth.
      passwordHash: "scrypt$unused",
      role,
      branchId,
      active: options.active ?? true,
    },
  });
}

export function sessionFor(user: SessionUser): { user: SessionUser } {
  const { id, name, email, role, branchId } = user;
  return { user: { id, name, email, role, branchId } };
}

export function anonymous(db: Db, log: Logger = silentLogger): Context {
  return createContextInner({ db, session: null, log, requestId: "test-request" });
}

export function as(db: Db, user: SessionUser, log: Logger = silentLogger): Context {
  return createContextInner({ db, session: sessionFor(user), log, requestId: "test-request" });
}

/** Calls a procedure of a caller by its dotted path ("inventory.adjust"), for tests generated from a router. */
export function callPath(caller: object, path: string, input?: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const key of path.split(".")) target = (target as Record<string, unknown>)[key];
  if (typeof target !== "function") throw new Error(`No procedure at ${path}`);
  return (target as (input: unknown) => Promise<unknown>)(input);
}

/**
 * Row count and content digest of every table: equal before and after means nothing was written at all
 * (inserts, updates and deletes alike).
 */
export async function databaseFingerprint(db: Db): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables
     WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`;
  const fingerprint: Record<string, string> = {};
  for (const { name } of tables) {
    const table = `"${name.replaceAll('"', '""')}"`;
    const [row] = await db.$queryRawUnsafe<{ rows: number; digest: string | null }[]>(
      `SELECT count(*)::int AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${table} t`,
    );
    fingerprint[name] = `${row?.rows ?? "?"} rows, ${row?.digest ?? "empty"}`;
  }
  return fingerprint;
}

/** The code of a refusal: a tRPC code, a DomainError code, "OK", or the message of anything else. */
export async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    if (isDomainError(error)) return error.code;
    return error instanceof Error ? `UNEXPECTED: ${error.message}` : "UNEXPECTED";
  }
}
