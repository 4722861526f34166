import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@pos/db";
import { useTestDb } from "@pos/db/testing";
import { signInStaff, type StaffCredentials, type StaffUser } from "./credentials.ts";
import { hashPassword } from "./password.ts";

const t = useTestDb();
const PASSWORD = "correct horse";
let branchId: number;
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
  branchId = (await t.db.branch.create({ data: { name: "Centro", code: "CEN", address: "Florida 100" } })).id;
});

function createUser(email: string, options: { role?: Role; active?: boolean } = {}) {
  const role = options.role ?? "CASHIER";
  return t.db.user.create({
    data: {
      name: "Lucía Fernández",
      email,
      passwordHash,
      role,
      branchId: role === "CASHIER" ? branchId : null,
      active: options.active ?? true,
    },
  });
}

/** The signed-in user, or null for any refusal (this file is about who may sign in; throttle.test.ts about how often). */
async function authorizeStaff(db: typeof t.db, credentials: StaffCredentials): Promise<StaffUser | null> {
  const result = await signInStaff(db, { ...credentials, ip: null });
  return result.status === "ok" ? result.user : null;
}

describe("signInStaff", () => {
  it("signs in an active user and records the login", async () => {
    const user = await createUser("cajera@test.pos");
    const before = Date.now();
    const staff = await authorizeStaff(t.db, { email: "cajera@test.pos", password: PASSWORD });
    expect(staff).toEqual({
      id: user.id,
      name: "Lucía Fernández",
      email: "cajera@test.pos",
      role: "CASHIER",
      branchId,
    });
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.lastLoginAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("ignores case and surrounding spaces in the email", async () => {
    await createUser("mixed@test.pos", { role: "MANAGER" });
    const staff = await authorizeStaff(t.db, { email: "  Mixed@Test.POS ", password: PASSWORD });
    expect(staff).toMatchObject({ email: "mixed@test.pos", role: "MANAGER", branchId: null });
  });

  it("refuses a wrong password and leaves lastLoginAt alone", async () => {
    const user = await createUser("wrong@test.pos");
    expect(await authorizeStaff(t.db, { email: "wrong@test.pos", password: "correct horse!" })).toBeNull();
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).toBeNull();
  });

  it("refuses a disabled user even with the right password", async () => {
    const user = await createUser("disabled@test.pos", { active: false });
    expect(await authorizeStaff(t.db, { email: "disabled@test.pos", password: PASSWORD })).toBeNull();
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).toBeNull();
  });

  it("refuses an unknown email", async () => {
    expect(await authorizeStaff(t.db, { email: "nobody@test.pos", password: PASSWORD })).toBeNull();
  });

  it("refuses malformed input without touching the database", async () => {
    expect(await authorizeStaff(t.db, { email: "not-an-email", password: PASSWORD })).toBeNull();
    expect(await authorizeStaff(t.db, { email: "cajera@test.pos", password: "" })).toBeNull();
    expect(await authorizeStaff(t.db, { email: "cajera@test.pos", password: "x".repeat(10_000) })).toBeNull();
  });
});
