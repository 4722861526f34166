// Fixtures for the users, branches, customers and audit tests: callers per role, a sale for a customer's
// history, and the checks every test of staff data repeats.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { Db, Role } from "@pos/db";
import { createCaller } from "../src/index.ts";
import { anonymous, as, createUser } from "./factories.ts";

export type Caller = ReturnType<typeof createCaller>;

export async function callerAs(db: Db, role: Role | "ANONYMOUS", options: { branchId?: number } = {}) {
  if (role === "ANONYMOUS") return { caller: createCaller(anonymous(db)), user: null };
  const user = await createUser(db, role, options);
  return { caller: createCaller(as(db, user)), user };
}

/** Staff data must never carry a password hash, whatever the shape: checked on the serialized output. */
export function expectNoSecrets(output: unknown): void {
  const json = JSON.stringify(output);
  expect(json).not.toMatch(/passwordHash/i);
  expect(json).not.toContain("scrypt$");
}

/** Everything a refused users/branches/customers write could have touched. */
export async function peopleSnapshot(db: Db): Promise<string> {
  const [users, branches, customers, audits] = await Promise.all([
    db.user.findMany({ orderBy: { id: "asc" } }),
    db.branch.findMany({ orderBy: { id: "asc" } }),
    db.customer.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.count(),
  ]);
  return JSON.stringify({ users, branches, customers, audits });
}

let saleNumber = 0;

/** A completed POS sale for a customer; only the fields a history shows. */
export function createSale(db: Db, branchId: number, customerId: number, total = "1000.00") {
  return db.sale.create({
    data: {
      channel: "POS",
      status: "COMPLETED",
      branchId,
      customerId,
      number: ++saleNumber,
      clientId: randomUUID(),
      subtotal: total,
      total,
    },
  });
}
