import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { createCaller } from "../index.ts";
import { anonymous, as, createBranch, createUser } from "../../test/factories.ts";

const t = useTestDb();

describe("session.me", () => {
  it("returns the signed-in cashier with their branch", async () => {
    const branch = await createBranch(t.db, "Centro");
    const cashier = await createUser(t.db, "CASHIER", { branchId: branch.id });
    const me = await createCaller(as(t.db, cashier)).session.me();
    expect(me).toEqual({
      id: cashier.id,
      name: cashier.name,
      email: cashier.email,
      role: "CASHIER",
      branch: { id: branch.id, name: "Centro", code: branch.code },
    });
  });

  it("returns managers without a branch", async () => {
    const manager = await createUser(t.db, "MANAGER");
    expect((await createCaller(as(t.db, manager)).session.me()).branch).toBeNull();
  });

  it("refuses anonymous callers and accounts disabled since sign-in", async () => {
    await expect(createCaller(anonymous(t.db)).session.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const cashier = await createUser(t.db, "CASHIER");
    await t.db.user.update({ where: { id: cashier.id }, data: { active: false } });
    const error = await createCaller(as(t.db, cashier))
      .session.me()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: "UNAUTHORIZED" });
  });
});
