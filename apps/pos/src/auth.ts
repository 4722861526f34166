import { clientIpFromHeaders, createAuth } from "@pos/auth";
import { authSecret, env } from "~/env";

export const { handlers, auth, signIn, signOut, getStaffUser } = createAuth({
  secret: authSecret,
  trustHost: env.authTrustHost,
  // Per-IP sign-in throttling trusts the reverse proxy in front of the app to append the client's address to
  // X-Forwarded-For (or set X-Real-IP); see packages/auth/src/client-ip.ts for what happens without one.
  clientIp: clientIpFromHeaders,
});
