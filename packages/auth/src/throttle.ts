// Sign-in throttling, kept in the database (table "LoginThrottle") so every app instance counts the same
// failures. Two counters per attempt: the ACCOUNT (the normalised email, whether a user has it or not, so a
// lockout never reveals which emails belong to staff) and the client IP (one address trying many emails).
//
// Rule, per counter: after `threshold` failures in a row the key is locked for 30 s · 2^(failures − threshold),
// capped at 15 min, so the 5th failure of an account locks it for 30 s, the 6th for 1 min, the 7th for 2 min…
// A failure more than an hour after the previous one starts the count again; a successful sign-in clears the
// account's count (not the IP's: one valid account must not buy an address more guesses at others).
// Counting is one INSERT … ON CONFLICT DO UPDATE … RETURNING per key: atomic under concurrency, no read-then-write.
import { Prisma, type Db, type LoginThrottleKind } from "@pos/db";

export interface ThrottlePolicy {
  /** Failures in a row before the first lock. */
  threshold: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = { threshold: 5 };
/** Higher than an account's: a shop's registers may share one address, and staff mistype too. */
export const IP_POLICY: ThrottlePolicy = { threshold: 20 };

export const BASE_LOCK_SECONDS = 30;
export const MAX_LOCK_SECONDS = 15 * 60;
/** Longer than the longest lock, so an attacker waiting out each lock never gets a fresh count. */
export const FAILURE_MEMORY_SECONDS = 60 * 60;
// 30 s · 2^5 = 16 min already exceeds the cap; bounding the exponent keeps the SQL arithmetic small.
const MAX_EXPONENT = Math.ceil(Math.log2(MAX_LOCK_SECONDS / BASE_LOCK_SECONDS));

const POLICIES: Record<LoginThrottleKind, ThrottlePolicy> = { ACCOUNT: ACCOUNT_POLICY, IP: IP_POLICY };

/** How long a key is locked after its `failures`-th failure in a row (0: not locked). */
export function lockSeconds(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.threshold) return 0;
  const exponent = Math.min(failures - policy.threshold, MAX_EXPONENT);
  return Math.min(BASE_LOCK_SECONDS * 2 ** exponent, MAX_LOCK_SECONDS);
}

export interface ThrottleKey {
  kind: LoginThrottleKind;
  key: string;
}

/** When the latest lock among these keys ends, or null when none is locked at `now`. */
export async function lockedUntil(db: Db, keys: readonly ThrottleKey[], now: Date): Promise<Date | null> {
  if (keys.length === 0) return null;
  const rows = await db.loginThrottle.findMany({
    where: { OR: keys.map(({ kind, key }) => ({ kind, key })), lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  const ends = rows.flatMap((row) => (row.lockedUntil ? [row.lockedUntil.getTime()] : []));
  return ends.length > 0 ? new Date(Math.max(...ends)) : null;
}

export interface FailureCount {
  failures: number;
  lockedUntil: Date | null;
}

/** Counts one failed sign-in for this key and locks it when the rule says so; returns the new state. */
export async function recordLoginFailure(db: Db, { kind, key }: ThrottleKey, now: Date): Promise<FailureCount> {
  const { threshold } = POLICIES[kind];
  const forgetBefore = new Date(now.getTime() - FAILURE_MEMORY_SECONDS * 1000);
  // The new count, from the row as it was: the same expression decides the lock (SET sees only old values).
  const next = Prisma.sql`(CASE WHEN t."lastFailureAt" < ${forgetBefore}::timestamp(3) THEN 1 ELSE t.failures + 1 END)`;
  const lockFor = (failures: Prisma.Sql) => Prisma.sql`
    CASE WHEN ${failures} >= ${threshold}::int
      THEN ${now}::timestamp(3) + make_interval(secs => LEAST(
        ${BASE_LOCK_SECONDS}::float8 * power(2, LEAST(${failures} - ${threshold}::int, ${MAX_EXPONENT}::int)),
        ${MAX_LOCK_SECONDS}::float8))
    END`;
  const rows = await db.$queryRaw<{ failures: number; lockedUntil: Date | null }[]>`
    INSERT INTO "LoginThrottle" AS t (kind, key, failures, "lastFailureAt", "lockedUntil")
    VALUES (${kind}::"LoginThrottleKind", ${key}, 1, ${now}::timestamp(3), ${lockFor(Prisma.sql`1`)})
    ON CONFLICT (kind, key) DO UPDATE SET
      failures = ${next},
      "lastFailureAt" = GREATEST(t."lastFailureAt", ${now}::timestamp(3)),
      "lockedUntil" = ${lockFor(next)}
    RETURNING failures, "lockedUntil"`;
  const row = rows[0];
  if (!row) throw new Error(`LoginThrottle upsert for ${kind} returned no row`);
  return { failures: row.failures, lockedUntil: row.lockedUntil };
}

/** A successful sign-in: the account starts again from zero failures. */
export async function clearAccountFailures(db: Db, email: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { kind: "ACCOUNT", key: email } });
}

/** Drops rows nobody remembers any more (no failure for an hour, so no lock either). */
export async function pruneLoginThrottles(db: Db, now: Date): Promise<number> {
  const { count } = await db.loginThrottle.deleteMany({
    where: { lastFailureAt: { lt: new Date(now.getTime() - FAILURE_MEMORY_SECONDS * 1000) } },
  });
  return count;
}
