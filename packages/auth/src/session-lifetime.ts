// How long a staff session lives, decided from the token alone (pure functions of the claims and the clock).
//
// - Absolute: 12 h from sign-in (a shift plus margin). `signedInAt` is set once at sign-in and never moved, so a
//   session kept busy all night still ends; Auth.js re-signs the JWT with a fresh `exp` on every refresh, which
//   is why `exp` alone cannot bound it.
// - Idle: 30 min without a request ends it (a register left signed in at closing). `lastSeenAt` moves forward
//   each time the session is read with a response that can carry the re-signed cookie (route handlers through
//   Auth.js, the session endpoint, the proxy); Auth.js's `updateAge` only applies to database sessions.
// - Every sign-in starts a new session id (`sid`), so a token from an earlier sign-in is distinguishable.
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
export const SESSION_IDLE_SECONDS = 30 * 60;
/** Clocks of several app instances disagree a little; a token "from the future" beyond this is refused. */
const CLOCK_SKEW_SECONDS = 60;

export interface SessionClaims {
  /** A new random id per sign-in. */
  sid: string;
  /** Unix seconds. */
  signedInAt: number;
  /** Unix seconds. */
  lastSeenAt: number;
}

export type SessionVerdict = "active" | "expired" | "idle" | "invalid";

function seconds(now: Date): number {
  return Math.floor(now.getTime() / 1000);
}

export function startSession(now: Date): SessionClaims {
  const at = seconds(now);
  return { sid: crypto.randomUUID(), signedInAt: at, lastSeenAt: at };
}

function claimsOf(token: Partial<SessionClaims>): SessionClaims | null {
  const { sid, signedInAt, lastSeenAt } = token;
  if (typeof sid !== "string" || typeof signedInAt !== "number" || typeof lastSeenAt !== "number") return null;
  return { sid, signedInAt, lastSeenAt };
}

export function sessionVerdict(token: Partial<SessionClaims>, now: Date): SessionVerdict {
  const claims = claimsOf(token);
  if (!claims) return "invalid";
  const at = seconds(now);
  if (claims.signedInAt > at + CLOCK_SKEW_SECONDS || claims.lastSeenAt < claims.signedInAt) return "invalid";
  if (at - claims.signedInAt >= SESSION_ABSOLUTE_SECONDS) return "expired";
  if (at - claims.lastSeenAt >= SESSION_IDLE_SECONDS) return "idle";
  return "active";
}

/** The token with its last use moved to `now`, or null when the session has ended (expired, idle, not ours). */
export function touchSession<T extends Partial<SessionClaims>>(token: T, now: Date): (T & SessionClaims) | null {
  const claims = claimsOf(token);
  if (!claims || sessionVerdict(claims, now) !== "active") return null;
  return { ...token, ...claims, lastSeenAt: Math.max(claims.lastSeenAt, seconds(now)) };
}
