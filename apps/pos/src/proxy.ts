// Runs Auth.js on every page and API request (Next 16's proxy, formerly middleware). Its only job here is to
// re-sign the session cookie: that is how a session's last use (`lastSeenAt`) is saved, since `auth()` in server
// components and route handlers cannot set cookies. Without it, the 30-minute idle limit would end every session
// 30 minutes after sign-in. Access checks stay in the pages and procedures (requireStaffUser, staffProcedure).
export { auth as proxy } from "~/auth";

export const config = {
  // Not for static files, and not for Auth.js's own routes (they set the cookie themselves).
  matcher: ["/((?!_next/static|_next/image|icon.svg|api/auth).*)"],
};
