import type { Db, Prisma } from "@pos/db";
import { DomainError } from "../errors.ts";

const profileSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  branch: { select: { id: true, name: true, code: true } },
} satisfies Prisma.UserSelect;

export type StaffProfile = Omit<Prisma.UserGetPayload<{ select: typeof profileSelect }>, "active">;

/**
 * The signed-in user's current record. Sessions are JWTs that outlive changes to the user, so a disabled or
 * deleted account is refused here rather than trusted from the token.
 */
export async function loadStaffProfile(db: Db, userId: number): Promise<StaffProfile> {
  const user = await db.user.findUnique({ where: { id: userId }, select: profileSelect });
  if (!user?.active) throw new DomainError("UNAUTHORIZED", "This account is no longer active. Sign in again.");
  const { active: _active, ...profile } = user;
  return profile;
}
