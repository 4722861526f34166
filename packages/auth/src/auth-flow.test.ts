// The session rules through Auth.js itself, the way a request reaches it from Next's proxy (middleware): the
// cookie comes back re-signed with its last use moved forward, or is cleared once the session has ended.
import { NextRequest } from "next/server";
import { decode, encode, type JWT } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createAuth } from "./index.ts";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "./session-lifetime.ts";
import { staffToken } from "./session.ts";

const SECRET = "test-secret-at-least-16-characters";
const COOKIE = "authjs.session-token";
const T0 = new Date("2026-11-22T08:00:00Z");
const after = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const user = { id: "7", name: "Lucía", email: "l@test.pos", role: "CASHIER" as const, branchId: 3 };

const { auth } = createAuth({ secret: () => SECRET, trustHost: true, clientIp: () => null });
type Proxy = (request: NextRequest, event: unknown) => Promise<Response>;
// `auth` doubles as the proxy handler; its overloads do not name that signature.
const proxy = auth as unknown as Proxy;

async function cookieFor(token: JWT): Promise<string> {
  return encode({ token, secret: SECRET, salt: COOKIE, maxAge: SESSION_ABSOLUTE_SECONDS });
}

async function request(cookie: string, now: Date): Promise<{ token: JWT | null; cleared: boolean }> {
  vi.setSystemTime(now);
  const response = await proxy(
    // Next puts host and x-forwarded-proto on every request; Auth.js derives the cookie names from them.
    new NextRequest("http://pos.test/", {
      headers: { host: "pos.test", "x-forwarded-proto": "http", cookie: `${COOKIE}=${cookie}` },
    }),
    undefined,
  );
  const set = response.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`));
  const value = set?.slice(COOKIE.length + 1).split(";")[0] ?? "";
  if (!value) return { token: null, cleared: set !== undefined };
  return { token: await decode({ token: value, secret: SECRET, salt: COOKIE }), cleared: false };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("Auth.js session refresh with our jwt callback", () => {
  it("re-signs the cookie on each request, moving lastSeenAt but never signedInAt", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const signedIn = staffToken({ token: {}, user, trigger: "signIn" }, T0);
    if (!signedIn) throw new Error("sign-in refused");
    const { token } = await request(await cookieFor(signedIn), after(20 * 60));
    expect(token).toMatchObject({
      sid: signedIn.sid,
      staff: signedIn.staff,
      signedInAt: signedIn.signedInAt,
      lastSeenAt: after(20 * 60).getTime() / 1000,
    });
  });

  it("clears the cookie of an idle session and of one past 12 hours", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const signedIn = staffToken({ token: {}, user, trigger: "signIn" }, T0);
    if (!signedIn) throw new Error("sign-in refused");
    expect(await request(await cookieFor(signedIn), after(SESSION_IDLE_SECONDS))).toEqual({
      token: null,
      cleared: true,
    });
    const busy = { ...signedIn, lastSeenAt: after(SESSION_ABSOLUTE_SECONDS - 60).getTime() / 1000 };
    expect(await request(await cookieFor(busy), after(SESSION_ABSOLUTE_SECONDS))).toEqual({
      token: null,
      cleared: true,
    });
  });
});
