// next-auth v5 for the register app: credentials only, JWT sessions (no session table to clean up).
// A factory rather than a module-level instance: the app passes the secret from its own env.ts, and
// the config is built on first use so `next build` does not need AUTH_SECRET.
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@pos/db";
import type {} from "./augment.ts";
import { authorizeStaff, credentialsSchema, type StaffUser } from "./credentials.ts";
import { staffUserOf } from "./session.ts";

export { authorizeStaff, credentialsSchema, type StaffCredentials, type StaffUser } from "./credentials.ts";
export { staffUserOf } from "./session.ts";
export { AuthError } from "next-auth";

/** A shift plus margin: one sign-in per working day, and a lost device's session does not live for weeks. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export interface AuthOptions {
  /** Called on first use; may throw when the secret is missing in production. */
  secret: () => string;
  /** Trust the Host header (needed behind `next start` and reverse proxies). */
  trustHost: boolean;
}

function authConfig(options: AuthOptions): NextAuthConfig {
  return {
    secret: options.secret(),
    trustHost: options.trustHost,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login" },
    logger: {
      // A refused sign-in is routine (a typo), not a server fault: one line instead of a stack trace.
      error(error) {
        if (error instanceof CredentialsSignin) console.warn("[auth] sign-in refused: wrong credentials");
        else console.error("[auth]", error);
      },
    },
    providers: [
      Credentials({
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(raw) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const staff = await authorizeStaff(getDb(), parsed.data);
          return staff && { ...staff, id: String(staff.id) };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user, trigger }) {
        // `user` is only present on the sign-in call, whatever its type says.
        if (trigger === "signIn" && user.id && user.name && user.email && user.role) {
          token.staff = {
            id: Number(user.id),
            name: user.name,
            email: user.email,
            role: user.role,
            branchId: user.branchId ?? null,
          };
        }
        // Returning null drops the cookie: a token without our claims is not a staff session.
        return token.staff ? token : null;
      },
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
