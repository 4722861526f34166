import { redirect } from "next/navigation";
import type { StaffUser } from "@pos/auth";
import { getStaffUser } from "~/auth";

/**
 * For every staff page: the signed-in user, or a redirect to /login. Called from each page rather than a
 * shared layout, because layouts are not re-rendered on client-side navigation between their pages.
 */
export async function requireStaffUser(): Promise<StaffUser> {
  const user = await getStaffUser();
  if (!user) redirect("/login");
  return user;
}
