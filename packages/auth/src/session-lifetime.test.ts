import { describe, expect, it } from "vitest";
import {
  SESSION_ABSOLUTE_SECONDS,
  SESSION_IDLE_SECONDS,
  sessionVerdict,
  startSession,
  touchSession,
} from "./session-lifetime.ts";

const T0 = new Date("2026-11-22T08:00:00Z");
const after = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/** A session kept busy: touched every `step` seconds from sign-in until `until`. */
function useUntil(until: number, step = 60) {
  let token: ReturnType<typeof touchSession<ReturnType<typeof startSession>>> = startSession(T0);
  for (let s = step; s <= until && token; s += step) token = touchSession(token, after(s));
  return token;
}

describe("session lifetime", () => {
  it("starts a new session id at every sign-in", () => {
    const a = startSession(T0);
    const b = startSession(T0);
    expect(a.sid).not.toBe(b.sid);
    expect(a).toMatchObject({ signedInAt: T0.getTime() / 1000, lastSeenAt: T0.getTime() / 1000 });
  });

  it("ends 30 minutes after the last use", () => {
    const token = startSession(T0);
    expect(sessionVerdict(token, after(SESSION_IDLE_SECONDS - 1))).toBe("active");
    expect(sessionVerdict(token, after(SESSION_IDLE_SECONDS))).toBe("idle");
    expect(touchSession(token, after(SESSION_IDLE_SECONDS))).toBeNull();
  });

  it("keeps a session in use alive, measuring idle time from the last use", () => {
    const touched = touchSession(startSession(T0), after(20 * 60));
    expect(touched?.lastSeenAt).toBe(after(20 * 60).getTime() / 1000);
    expect(touched && sessionVerdict(touched, after(45 * 60))).toBe("active");
    expect(touched && sessionVerdict(touched, after(50 * 60))).toBe("idle");
  });

  it("ends 12 hours after sign-in however busy it is", () => {
    const busy = useUntil(SESSION_ABSOLUTE_SECONDS - 60);
    expect(busy && sessionVerdict(busy, after(SESSION_ABSOLUTE_SECONDS - 1))).toBe("active");
    expect(busy?.signedInAt).toBe(T0.getTime() / 1000);
    expect(busy && sessionVerdict(busy, after(SESSION_ABSOLUTE_SECONDS))).toBe("expired");
    expect(useUntil(SESSION_ABSOLUTE_SECONDS)).toBeNull();
  });

  it("never moves the last use backwards (a late request from a slower instance)", () => {
    const touched = touchSession(startSession(T0), after(600));
    expect(touched && touchSession(touched, after(300))?.lastSeenAt).toBe(after(600).getTime() / 1000);
  });

  it("refuses tokens without our claims or with impossible ones", () => {
    expect(sessionVerdict({}, T0)).toBe("invalid");
    expect(sessionVerdict({ signedInAt: T0.getTime() / 1000, lastSeenAt: T0.getTime() / 1000 }, T0)).toBe("invalid");
    const future = startSession(after(3600));
    expect(sessionVerdict(future, T0)).toBe("invalid");
    expect(touchSession({ ...startSession(T0), lastSeenAt: 0 }, T0)).toBeNull();
  });
});
