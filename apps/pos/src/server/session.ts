import { redirect } from "next/navigation";
import { currentStaffUser } from "@pos/api";
import type { StaffUser } from "@pos/auth";
import { getDb } from "@pos/db";
import { getStaffUser } from "~/auth";

/**
 * The signed-in staff member as the database has them now, or null when signed out, disabled or deleted. The
 * session token only says who signed in; role, branch and the active flag are re-read with the same check
 * staffProcedure applies to API calls (cached for a few seconds per process), so a disabled or demoted user
 * loses their pages within that time even with a live session.
 */
export async function getActiveStaffUser(): Promise<StaffUser | null> {
  const sessionUser = await getStaffUser();
  return sessionUser ? currentStaffUser(getDb(), sessionUser) : null;
}

/**
 * For every staff page: the signed-in, still active user, or a redirect to /login. Called from each page rather
 * than a shared layout, because layouts are not re-rendered on client-side navigation between their pages.
 */
export async function requireStaffUser(): Promise<StaffUser> {
  const user = await getActiveStaffUser();
  if (!user) redirect("/login");
  return user;
}

/**
 * For the managers' pages (/admin): managers and admins; anyone else goes back to the register, told why. Checked
 * on the server for every page, so a hidden link is never the only thing in the way.
 */
export async function requireManager(): Promise<StaffUser> {
  const user = await requireStaffUser();
  if (user.role !== "MANAGER" && user.role !== "ADMIN") redirect("/?denied=admin");
  return user;
}

/** For the admins' pages (staff accounts, store settings): a manager goes back to the dashboard, told why. */
export async function requireAdmin(): Promise<StaffUser> {
  const user = await requireManager();
  if (user.role !== "ADMIN") redirect("/admin?denied=admin-only");
  return user;
}
