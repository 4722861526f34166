// Staff sign-in, free of Next.js so it can be tested against a real database and reused by scripts.
import { z } from "zod";
import type { Db, Role } from "@pos/db";
import { hashPassword, verifyPassword } from "./password.ts";
import {
  clearAccountFailures,
  lockedUntil,
  pruneLoginThrottles,
  recordLoginFailure,
  type ThrottleKey,
} from "./throttle.ts";

/** What a session knows about a staff member. */
export interface StaffUser {
  id: number;
  name: string;
  email: string;
  role: Role;
  /** Home branch; required for cashiers, null for managers and admins who work across branches. */
  branchId: number | null;
}

export interface StaffCredentials {
  email: string;
  password: string;
}

export interface SignInAttempt extends StaffCredentials {
  /** The client's address, for the per-IP counter; null when unknown (only the account is throttled then). */
  ip: string | null;
  now?: Date;
}

export type SignInResult =
  | { status: "ok"; user: StaffUser }
  /** Unknown email, wrong password or disabled account: one answer for all three. */
  | { status: "invalid" }
  /** Refused without checking the password; `retryAfter` is when the lock ends. */
  | { status: "locked"; retryAfter: Date };

// Emails are stored lower-case; normalising here makes "Cajero.Centro@Demo.pos " sign in too.
export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  // The upper bound stops a megabyte "password" from tying up the KDF.
  password: z.string().min(1).max(256),
});

// Verifying against a throwaway hash when the email is unknown makes that answer take as long as a wrong
// password, so response times do not reveal which emails belong to staff. Created on first use, not at
// import, so processes that never sign anyone in do not pay for a hash.
let dummyHash: Promise<string> | undefined;
function hashForUnknownUser(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}

/**
 * One sign-in attempt, throttled per account and per IP (rules in throttle.ts). A locked account or address
 * is refused before the password is looked at, so a correct guess during a lock is worth nothing; the lock is
 * the same for emails nobody has, so it reveals nothing either.
 */
export async function signInStaff(db: Db, attempt: SignInAttempt): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(attempt);
  if (!parsed.success) return { status: "invalid" };
  const { email, password } = parsed.data;
  const now = attempt.now ?? new Date();
  const keys: ThrottleKey[] = [{ kind: "ACCOUNT", key: email }];
  if (attempt.ip) keys.push({ kind: "IP", key: attempt.ip });

  const lockEnd = await lockedUntil(db, keys, now);
  if (lockEnd) return { status: "locked", retryAfter: lockEnd };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, role: true, branchId: true, active: true, passwordHash: true },
  });
  // The password is checked even for a disabled account, for the same timing reason as above.
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await hashForUnknownUser()));
  if (!user || !passwordOk || !user.active) {
    const counts = await Promise.all(keys.map((key) => recordLoginFailure(db, key, now)));
    const ends = counts.flatMap(({ lockedUntil: end }) => (end && end > now ? [end.getTime()] : []));
    // The failure that starts a lock says so at once, rather than letting the next attempt find out.
    return ends.length > 0 ? { status: "locked", retryAfter: new Date(Math.max(...ends)) } : { status: "invalid" };
  }

  await Promise.all([
    clearAccountFailures(db, email),
    db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } }),
    // Sign-ins are rare (a few per shift), so this is where stale counters are swept.
    pruneLoginThrottles(db, now),
  ]);
  return {
    status: "ok",
    user: { id: user.id, name: user.name, email: user.email, role: user.role, branchId: user.branchId },
  };
}
