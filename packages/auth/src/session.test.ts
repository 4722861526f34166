import { describe, expect, it } from "vitest";
import { staffUserOf } from "./session.ts";

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
