import { createAuth } from "@pos/auth";
import { authSecret, env } from "~/env";

export const { handlers, auth, signIn, signOut, getStaffUser } = createAuth({
  secret: authSecret,
  trustHost: env.authTrustHost,
});
