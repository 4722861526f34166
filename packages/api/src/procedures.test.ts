import { describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { adminProcedure, managerProcedure, publicProcedure, staffProcedure } from "./procedures.ts";
import { createCallerFactory, router } from "./trpc.ts";
import { anonymous, as, codeOf, createUser } from "../test/factories.ts";

// A router of its own: the role rules are tested on the builders, not through whichever real procedures exist.
const probe = router({
  open: publicProcedure.query(() => "open"),
  staff: staffProcedure.query(({ ctx }) => ctx.user.role),
  manager: managerProcedure.query(() => "manager"),
  admin: adminProcedure.query(() => "admin"),
});
const createCaller = createCallerFactory(probe);

const t = useTestDb();

describe("procedure builders", () => {
  it("let anyone call a public procedure and refuse an anonymous caller everything else (UNAUTHORIZED)", async () => {
    const caller = createCaller(anonymous(t.db));
    expect(await caller.open()).toBe("open");
    expect(await codeOf(caller.staff())).toBe("UNAUTHORIZED");
    expect(await codeOf(caller.manager())).toBe("UNAUTHORIZED");
    expect(await codeOf(caller.admin())).toBe("UNAUTHORIZED");
  });

  it.each([
    ["CASHIER", { staff: "OK", manager: "FORBIDDEN", admin: "FORBIDDEN" }],
    ["MANAGER", { staff: "OK", manager: "OK", admin: "FORBIDDEN" }],
    ["ADMIN", { staff: "OK", manager: "OK", admin: "OK" }],
  ] as const)("give a %s exactly their level", async (role, expected) => {
    const caller = createCaller(as(t.db, await createUser(t.db, role)));
    expect({
      staff: await codeOf(caller.staff()),
      manager: await codeOf(caller.manager()),
      admin: await codeOf(caller.admin()),
    }).toEqual(expected);
  });

  it("put the session user on ctx.user for staff procedures", async () => {
    const cashier = await createUser(t.db, "CASHIER");
    expect(await createCaller(as(t.db, cashier)).staff()).toBe("CASHIER");
  });
});
