import type { JWT } from "@auth/core/jwt";
import type { Session, User } from "@auth/core/types";
import type {} from "./augment.ts";
import type { StaffUser } from "./credentials.ts";
import { startSession, touchSession } from "./session-lifetime.ts";

export interface JwtCallbackInput {
  token: JWT;
  /** Only present on sign-in, whatever Auth.js's type says. */
  user?: User | null;
  trigger?: "signIn" | "signUp" | "update";
}

/**
 * Our jwt callback, as a pure function of the token and the clock. On sign-in: a new token, not the old one
 * amended, so nothing from an earlier session survives and the session id is new. Afterwards: the same token
 * with its last use moved to now, or null (Auth.js then drops the cookie) when it is past its absolute or
 * idle limit or is not one of ours. Client-sent `update` data is ignored.
 */
export function staffToken({ token, user, trigger }: JwtCallbackInput, now: Date): JWT | null {
  if (trigger === "signIn") {
    if (!user?.id || !user.name || !user.email || !user.role) return null;
    const staff: StaffUser = {
      id: Number(user.id),
      name: user.name,
      email: user.email,
      role: user.role,
      branchId: user.branchId ?? null,
    };
    return { sub: user.id, name: staff.name, email: staff.email, staff, ...startSession(now) };
  }
  return token.staff ? touchSession(token, now) : null;
}

/** Auth.js keeps user ids as strings; the rest of the system uses the database's numeric id. */
export function staffUserOf(session: Session | null): StaffUser | null {
  if (!session) return null;
  const { id, name, email, role, branchId } = session.user;
  const numericId = Number(id);
  return Number.isSafeInteger(numericId) && numericId > 0 ? { id: numericId, name, email, role, branchId } : null;
}
