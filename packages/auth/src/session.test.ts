import { describe, expect, it } from "vitest";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "./session-lifetime.ts";
import { staffToken, staffUserOf } from "./session.ts";

describe("staffUserOf", () => {
  it("turns the Auth.js session user back into our numeric-id staff user", () => {
    const session = {
      expires: new Date(Date.now() + 60_000).toISOString(),
      user: { id: "42", name: "Lucía", email: "l@test.pos", role: "CASHIER" as const, branchId: 3 },
    };
    expect(staffUserOf(session)).toEqual({ id: 42, name: "Lucía", email: "l@test.pos", role: "CASHIER", branchId: 3 });
  });

  it("returns null when signed out or when the id is not ours", () => {
    expect(staffUserOf(null)).toBeNull();
    const foreign = {
      expires: "",
      user: { id: "abc", name: "x", email: "x@x", role: "ADMIN" as const, branchId: null },
    };
    expect(staffUserOf(foreign)).toBeNull();
  });
});

describe("staffToken (the jwt callback)", () => {
  const T0 = new Date("2026-11-22T08:00:00Z");
  const after = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
  const user = { id: "7", name: "Lucía", email: "l@test.pos", role: "CASHIER" as const, branchId: 3 };

  function signIn(token = {}) {
    const fresh = staffToken({ token, user, trigger: "signIn" }, T0);
    if (!fresh) throw new Error("sign-in refused");
    return fresh;
  }

  it("builds a new token at sign-in, dropping whatever the old one carried", () => {
    const old = signIn();
    const fresh = staffToken({ token: { ...old, foreign: "claim" }, user, trigger: "signIn" }, after(60));
    expect(fresh).toEqual({
      sub: "7",
      name: "Lucía",
      email: "l@test.pos",
      staff: { id: 7, name: "Lucía", email: "l@test.pos", role: "CASHIER", branchId: 3 },
      sid: fresh?.sid,
      signedInAt: after(60).getTime() / 1000,
      lastSeenAt: after(60).getTime() / 1000,
    });
    expect(fresh?.sid).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh?.sid).not.toBe(old.sid);
  });

  it("refreshes the last use on each read and ends idle or over-age sessions", () => {
    const token = signIn();
    const used = staffToken({ token }, after(SESSION_IDLE_SECONDS - 1));
    expect(used?.lastSeenAt).toBe(after(SESSION_IDLE_SECONDS - 1).getTime() / 1000);
    expect(staffToken({ token }, after(SESSION_IDLE_SECONDS))).toBeNull();
    const busy = { ...token, lastSeenAt: after(SESSION_ABSOLUTE_SECONDS - 10).getTime() / 1000 };
    expect(staffToken({ token: busy }, after(SESSION_ABSOLUTE_SECONDS))).toBeNull();
  });

  it("ignores client updates and refuses tokens that are not ours", () => {
    const token = signIn();
    expect(staffToken({ token, trigger: "update" }, after(5))?.staff).toEqual(token.staff);
    expect(staffToken({ token: { sub: "7", name: "x" } }, T0)).toBeNull();
    const { sid: _sid, ...withoutSession } = token;
    expect(staffToken({ token: withoutSession }, T0)).toBeNull();
  });
});
