import { beforeAll, describe, expect, it } from "vitest";
import type { LoginThrottleKind } from "@pos/db";
import { useTestDb } from "@pos/db/testing";
import { signInStaff, type SignInResult } from "./credentials.ts";
import { hashPassword } from "./password.ts";
import { ACCOUNT_POLICY, IP_POLICY, lockSeconds, recordLoginFailure } from "./throttle.ts";

const t = useTestDb();
const PASSWORD = "correct horse";
const WRONG = "battery staple";
const T0 = new Date("2026-11-22T10:00:00Z");
let passwordHash: string;
let counter = 0;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

/** A fresh user (and a fresh address) per test, so tests sharing this file's database do not count for each other. */
async function staff(options: { active?: boolean } = {}) {
  counter += 1;
  const email = `staff${counter}@test.pos`;
  await t.db.user.create({
    data: { name: "Martín Gómez", email, passwordHash, role: "MANAGER", active: options.active ?? true },
  });
  return { email, ip: `10.0.0.${counter}` };
}

function at(seconds: number): Date {
  return new Date(T0.getTime() + seconds * 1000);
}

async function fail(email: string, ip: string | null, now: Date, times = 1): Promise<SignInResult[]> {
  const results: SignInResult[] = [];
  for (let i = 0; i < times; i += 1) results.push(await signInStaff(t.db, { email, password: WRONG, ip, now }));
  return results;
}

async function row(kind: LoginThrottleKind, key: string) {
  return t.db.loginThrottle.findUnique({ where: { kind_key: { kind, key } } });
}

describe("lockSeconds (the backoff rule)", () => {
  it("locks from the threshold on, doubling from 30 s and capped at 15 min", () => {
    const seconds = [3, 4, 5, 6, 7, 8, 9, 10, 11, 50, 10_000].map((n) => lockSeconds(n, ACCOUNT_POLICY));
    expect(seconds).toEqual([0, 0, 30, 60, 120, 240, 480, 900, 900, 900, 900]);
    expect(lockSeconds(19, IP_POLICY)).toBe(0);
    expect(lockSeconds(20, IP_POLICY)).toBe(30);
  });
});

describe("signInStaff throttling per account", () => {
  it("locks after 5 failures and then refuses even the right password, saying when to retry", async () => {
    const { email } = await staff();
    const results = await fail(email, null, T0, 5);
    expect(results.slice(0, 4).map((r) => r.status)).toEqual(["invalid", "invalid", "invalid", "invalid"]);
    expect(results[4]).toEqual({ status: "locked", retryAfter: at(30) });

    expect(await signInStaff(t.db, { email, password: PASSWORD, ip: null, now: at(29) })).toEqual({
      status: "locked",
      retryAfter: at(30),
    });
    // Refused attempts during a lock are not counted (the password was never looked at).
    expect((await row("ACCOUNT", email))?.failures).toBe(5);
  });

  it("lets the right password in once the lock has expired", async () => {
    const { email } = await staff();
    await fail(email, null, T0, 5);
    const result = await signInStaff(t.db, { email, password: PASSWORD, ip: null, now: at(30) });
    expect(result.status).toBe("ok");
  });

  it("doubles the lock with every further failure, up to 15 minutes", async () => {
    const { email } = await staff();
    await fail(email, null, T0, 5);
    let now = T0;
    const locks: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const current = await row("ACCOUNT", email);
      if (!current?.lockedUntil) throw new Error("expected a lock");
      locks.push((current.lockedUntil.getTime() - now.getTime()) / 1000);
      now = current.lockedUntil; // wait the lock out, then fail again
      await fail(email, null, now);
    }
    expect(locks).toEqual([30, 60, 120, 240, 480, 900]);
    const last = await row("ACCOUNT", email);
    expect(last?.failures).toBe(11);
    expect(last?.lockedUntil).toEqual(new Date(now.getTime() + 900_000));
  });

  it("resets the account's count on a successful sign-in", async () => {
    const { email } = await staff();
    await fail(email, null, T0, 4);
    expect((await signInStaff(t.db, { email, password: PASSWORD, ip: null, now: at(1) })).status).toBe("ok");
    expect(await row("ACCOUNT", email)).toBeNull();
    // Four more failures do not lock: the count started again.
    expect((await fail(email, null, at(2), 4)).map((r) => r.status)).toEqual(Array(4).fill("invalid"));
  });

  it("forgets failures after an hour without any", async () => {
    const { email } = await staff();
    await fail(email, null, T0, 4);
    const [result] = await fail(email, null, at(60 * 60 + 1));
    expect(result?.status).toBe("invalid");
    expect((await row("ACCOUNT", email))?.failures).toBe(1);
  });

  it("locks an unknown email exactly like a known one", async () => {
    const known = await staff();
    const unknown = `nobody${counter}@test.pos`;
    const knownResults = await fail(known.email, null, T0, 6);
    const unknownResults = await fail(unknown, null, T0, 6);
    expect(unknownResults).toEqual(knownResults);
    expect(unknownResults.at(-1)).toEqual({ status: "locked", retryAfter: at(30) });
  });

  it("counts a disabled account's sign-ins as failures, like a wrong password", async () => {
    const { email } = await staff({ active: false });
    const results = [];
    for (let i = 0; i < 5; i += 1)
      results.push(await signInStaff(t.db, { email, password: PASSWORD, ip: null, now: T0 }));
    expect(results.map((r) => r.status)).toEqual(["invalid", "invalid", "invalid", "invalid", "locked"]);
  });
});

describe("signInStaff throttling per IP", () => {
  it("locks an address after 20 failures spread over many emails, whatever email comes next", async () => {
    const ip = "203.0.113.7";
    const results: SignInResult[] = [];
    for (let i = 0; i < 20; i += 1) results.push(...(await fail(`guess${i}@test.pos`, ip, T0)));
    expect(results.slice(0, 19).every((r) => r.status === "invalid")).toBe(true);
    expect(results[19]).toEqual({ status: "locked", retryAfter: at(30) });

    // A real user with the right password, from that address: refused until the lock ends…
    const { email } = await staff();
    expect(await signInStaff(t.db, { email, password: PASSWORD, ip, now: at(10) })).toEqual({
      status: "locked",
      retryAfter: at(30),
    });
    // …but not from another address, and not from this one afterwards.
    expect((await signInStaff(t.db, { email, password: PASSWORD, ip: "203.0.113.8", now: at(10) })).status).toBe("ok");
    expect((await signInStaff(t.db, { email, password: PASSWORD, ip, now: at(30) })).status).toBe("ok");
    // A success does not clear the address's count: one valid account must not buy guesses at others.
    expect((await row("IP", ip))?.failures).toBe(20);
  });
});

describe("counting under concurrency", () => {
  it("counts ten simultaneous wrong sign-ins from one address exactly", async () => {
    const ip = "198.51.100.10";
    const attempts = Array.from({ length: 10 }, (_, i) =>
      signInStaff(t.db, { email: `parallel${i}@test.pos`, password: WRONG, ip, now: T0 }),
    );
    expect((await Promise.all(attempts)).every((r) => r.status === "invalid")).toBe(true);
    expect((await row("IP", ip))?.failures).toBe(10);
  });

  it("counts ten simultaneous failures of one account exactly and locks it by the rule", async () => {
    const key = "concurrent@test.pos";
    await Promise.all(Array.from({ length: 10 }, () => recordLoginFailure(t.db, { kind: "ACCOUNT", key }, T0)));
    const current = await row("ACCOUNT", key);
    expect(current?.failures).toBe(10);
    expect(current?.lockedUntil).toEqual(at(lockSeconds(10, ACCOUNT_POLICY)));
  });
});
