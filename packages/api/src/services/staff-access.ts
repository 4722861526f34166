// The session token says who signed in; the database says what they may do now. Staff procedures re-read the
// user's role, branch and active flag on each request, cached briefly per process, so a disabled or demoted
// account loses access within STAFF_ACCESS_TTL_MS even while its session token is still valid.
import type { Db, Role } from "@pos/db";
import type { SessionUser } from "../context.ts";

export const STAFF_ACCESS_TTL_MS = 15_000;

interface Entry {
  user: SessionUser | null;
  expiresAt: number;
}

// Per client: tests run many databases in one process, and user ids repeat between them.
const caches = new WeakMap<Db, Map<number, Entry>>();

function cacheOf(db: Db): Map<number, Entry> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/** The session user as the database has them now, or null when the account is disabled or gone. */
export async function currentStaffUser(
  db: Db,
  sessionUser: Pick<SessionUser, "id">,
  now = Date.now(),
): Promise<SessionUser | null> {
  const cache = cacheOf(db);
  const cached = cache.get(sessionUser.id);
  if (cached && cached.expiresAt > now) return cached.user;

  const row = await db.user.findUnique({
    where: { id: sessionUser.id },
    select: { id: true, name: true, email: true, role: true, branchId: true, active: true },
  });
  const user = row?.active
    ? { id: row.id, name: row.name, email: row.email, role: row.role, branchId: row.branchId }
    : null;
  cache.set(sessionUser.id, { user, expiresAt: now + STAFF_ACCESS_TTL_MS });
  return user;
}

/** Drops the cached access of a user, e.g. right after this process changed their role or disabled them. */
export function forgetStaffAccess(db: Db, userId: number): void {
  cacheOf(db).delete(userId);
}

/**
 * For long-lived subscriptions, asked again while they last: whether the user is still active, with one of
 * `roles` and the same home branch they subscribed with (a moved cashier stops seeing the old branch).
 */
export async function stillHasAccess(
  db: Db,
  subscribed: Pick<SessionUser, "id" | "role" | "branchId">,
  roles: readonly Role[],
): Promise<boolean> {
  const user = await currentStaffUser(db, subscribed);
  return user !== null && roles.includes(user.role) && user.branchId === subscribed.branchId;
}
