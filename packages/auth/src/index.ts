// next-auth v5 for the register app: credentials only, JWT sessions (no session table to clean up).
// A factory rather than a module-level instance: the app passes the secret from its own env.ts, and
// the config is built on first use so `next build` does not need AUTH_SECRET.
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@pos/db";
import type {} from "./augment.ts";
import { credentialsSchema, signInStaff, type StaffUser } from "./credentials.ts";
import { SESSION_ABSOLUTE_SECONDS } from "./session-lifetime.ts";
import { staffToken, staffUserOf } from "./session.ts";

export {
  credentialsSchema,
  signInStaff,
  type SignInAttempt,
  type SignInResult,
  type StaffCredentials,
  type StaffUser,
} from "./credentials.ts";
export { clientIpFromHeaders } from "./client-ip.ts";
export { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS, sessionVerdict } from "./session-lifetime.ts";
export { staffToken, staffUserOf } from "./session.ts";
export { AuthError } from "next-auth";

/**
 * Thrown from `authorize` while the account or the address is locked; reaches the login action as the error of
 * `signIn` (an AuthError of type "CredentialsSignin" whose code is "locked"), carrying when to retry.
 */
export class SignInLocked extends CredentialsSignin {
  override code = "locked";
  constructor(readonly retryAfter: Date) {
    super();
  }
}

/** When a refused sign-in may be retried, or null when the refusal was not a lockout. */
export function lockedUntilOf(error: unknown): Date | null {
  return error instanceof SignInLocked ? error.retryAfter : null;
}

export interface AuthOptions {
  /** Called on first use; may throw when the secret is missing in production. */
  secret: () => string;
  /** Trust the Host header (needed behind `next start` and reverse proxies). */
  trustHost: boolean;
  /** The client address of a sign-in request, for per-IP throttling (see client-ip.ts on trusting proxies). */
  clientIp: (headers: Headers) => string | null;
}

function authConfig(options: AuthOptions): NextAuthConfig {
  return {
    secret: options.secret(),
    trustHost: options.trustHost,
    // The cookie may live as long as the longest session; the absolute and idle limits are enforced from the
    // token's own claims in the jwt callback (session-lifetime.ts), since Auth.js re-signs `exp` on every read.
    session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_SECONDS },
    pages: { signIn: "/login" },
    logger: {
      // A refused sign-in is routine (a typo), not a server fault: one line instead of a stack trace.
      error(error) {
        if (error instanceof SignInLocked) console.warn("[auth] sign-in refused: too many failed attempts");
        else if (error instanceof CredentialsSignin) console.warn("[auth] sign-in refused: wrong credentials");
        else console.error("[auth]", error);
      },
    },
    providers: [
      Credentials({
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const result = await signInStaff(getDb(), { ...parsed.data, ip: options.clientIp(request.headers) });
          if (result.status === "locked") throw new SignInLocked(result.retryAfter);
          return result.status === "ok" ? { ...result.user, id: String(result.user.id) } : null;
        },
      }),
    ],
    callbacks: {
      jwt: ({ token, user, trigger }) => staffToken({ token, user, trigger }, new Date()),
      session({ session, token }) {
        if (!token.staff) return session;
        return { ...session, user: { ...token.staff, id: String(token.staff.id) } };
      },
    },
  };
}

export function createAuth(options: AuthOptions) {
  const nextAuth = NextAuth(() => authConfig(options));
  return {
    ...nextAuth,
    /** The signed-in staff member for server components, route handlers and actions; null when signed out. */
    getStaffUser: async (): Promise<StaffUser | null> => staffUserOf(await nextAuth.auth()),
  };
}
