// Staff sign-in, free of Next.js so it can be tested against a real database and reused by scripts.
import { z } from "zod";
import type { Db, Role } from "@pos/db";
import { hashPassword, verifyPassword } from "./password.ts";

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
 * The staff member for these credentials, or null for an unknown email, a wrong password or a disabled
 * account — one answer for all three, so the caller cannot tell them apart.
 */
export async function authorizeStaff(db: Db, credentials: StaffCredentials): Promise<StaffUser | null> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, role: true, branchId: true, active: true, passwordHash: true },
  });
  // The password is checked even for a disabled account, for the same timing reason as above.
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await hashForUnknownUser()));
  if (!user || !passwordOk || !user.active) return null;

  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { id: user.id, name: user.name, email: user.email, role: user.role, branchId: user.branchId };
}
