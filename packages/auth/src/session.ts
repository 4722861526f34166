import type { Session } from "@auth/core/types";
import type {} from "./augment.ts";
import type { StaffUser } from "./credentials.ts";

/** Auth.js keeps user ids as strings; the rest of the system uses the database's numeric id. */
export function staffUserOf(session: Session | null): StaffUser | null {
  if (!session) return null;
  const { id, name, email, role, branchId } = session.user;
  const numericId = Number(id);
  return Number.isSafeInteger(numericId) && numericId > 0 ? { id: numericId, name, email, role, branchId } : null;
}
