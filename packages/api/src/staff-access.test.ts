import { describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { managerProcedure, staffProcedure } from "./procedures.ts";
import { createCallerFactory, router } from "./trpc.ts";
import { as, codeOf, createUser } from "../test/factories.ts";
import { currentStaffUser, forgetStaffAccess, STAFF_ACCESS_TTL_MS } from "./services/staff-access.ts";

const t = useTestDb();

const probe = router({
  whoami: staffProcedure.query(({ ctx }) => ({ role: ctx.user.role, branchId: ctx.user.branchId })),
  manage: managerProcedure.query(() => "managed"),
});
const createCaller = createCallerFactory(probe);

describe("staff access re-read from the database", () => {
  it("refuses a session whose account was disabled, even though its token is still valid", async () => {
    const cashier = await createUser(t.db, "CASHIER");
    await t.db.user.update({ where: { id: cashier.id }, data: { active: false } });
    expect(await codeOf(createCaller(as(t.db, cashier)).whoami())).toBe("UNAUTHORIZED");
  });

  it("uses the role stored now, not the one in the token", async () => {
    const manager = await createUser(t.db, "MANAGER");
    const branch = await t.db.branch.create({ data: { name: "Demoted to", code: "DEM", address: "x" } });
    await t.db.user.update({ where: { id: manager.id }, data: { role: "CASHIER", branchId: branch.id } });
    const caller = createCaller(as(t.db, manager)); // the token still says MANAGER
    expect(await caller.whoami()).toEqual({ role: "CASHIER", branchId: branch.id });
    expect(await codeOf(caller.manage())).toBe("FORBIDDEN");
  });

  it("caches for a few seconds, then sees the change", async () => {
    const cashier = await createUser(t.db, "CASHIER");
    const now = Date.now();
    expect(await currentStaffUser(t.db, cashier, now)).toMatchObject({ id: cashier.id, role: "CASHIER" });
    await t.db.user.update({ where: { id: cashier.id }, data: { active: false } });
    // Within the window the cached answer stands; after it the account is refused.
    expect(await currentStaffUser(t.db, cashier, now + STAFF_ACCESS_TTL_MS - 1)).not.toBeNull();
    expect(await currentStaffUser(t.db, cashier, now + STAFF_ACCESS_TTL_MS + 1)).toBeNull();
    expect(STAFF_ACCESS_TTL_MS).toBeLessThanOrEqual(60_000);
  });

  it("forgets a user's access at once when asked", async () => {
    const manager = await createUser(t.db, "MANAGER");
    expect(await currentStaffUser(t.db, manager)).not.toBeNull();
    await t.db.user.update({ where: { id: manager.id }, data: { active: false } });
    forgetStaffAccess(t.db, manager.id);
    expect(await currentStaffUser(t.db, manager)).toBeNull();
  });

  it("refuses a session for a user that does not exist", async () => {
    const ghost = { id: 987_654, name: "Ghost", email: "ghost@test.pos", role: "ADMIN" as const, branchId: null };
    expect(await codeOf(createCaller(as(t.db, ghost)).whoami())).toBe("UNAUTHORIZED");
  });
});
