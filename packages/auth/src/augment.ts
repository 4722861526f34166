// Auth.js types are extended by module augmentation (its documented way): this file teaches every package
// that imports @pos/auth what our sessions and tokens carry, with no casts at the use sites.
import type { Role } from "@pos/db";
import type { StaffUser } from "./credentials.ts";

declare module "@auth/core/types" {
  /** What our Credentials provider returns from `authorize`. */
  interface User {
    role?: Role;
    branchId?: number | null;
  }

  interface Session {
    // Auth.js keeps user ids as strings; staffUserOf() turns it back into our numeric id.
    user: Omit<StaffUser, "id"> & { id: string };
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    /** Set at sign-in; a token without it is not one of ours and ends the session. */
    staff?: StaffUser;
    /** Session id, new at every sign-in (see session-lifetime.ts). */
    sid?: string;
    /** Unix seconds; never moves: bounds the session's absolute lifetime. */
    signedInAt?: number;
    /** Unix seconds; moves on use: bounds idle time. */
    lastSeenAt?: number;
  }
}

export {};
