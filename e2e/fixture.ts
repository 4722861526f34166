// The whole world the browser tests need, and nothing more: a shop name, one branch, two cashiers.
// Kept here rather than borrowed from the demo seed so a change to the demo data cannot break these tests.
import type { Db } from "@pos/db";
// @pos/auth is not a dependency of the repository root; its password module is plain node:crypto.
import { hashPassword } from "@pos/auth/password";

export const STORE_NAME = "Deportes del Sur";
export const BRANCH_NAME = "Centro";
export const CASHIER = { name: "Lucía Fernández", email: "cajero.centro@e2e.pos", password: "e2e-caja-1234" } as const;
export const DISABLED_CASHIER = {
  name: "Diego Acosta",
  email: "cajero.baja@e2e.pos",
  password: "e2e-caja-1234",
} as const;

export async function loadFixture(db: Db): Promise<void> {
  const passwordHash = await hashPassword(CASHIER.password);
  await db.storeConfig.create({ data: { storeName: STORE_NAME, description: "Ropa y calzado deportivo." } });
  const branch = await db.branch.create({
    data: { name: BRANCH_NAME, code: "CEN", address: "Florida 100, CABA", sellsOnline: true },
  });
  await db.user.createMany({
    data: [
      { ...pick(CASHIER), passwordHash, role: "CASHIER", branchId: branch.id },
      { ...pick(DISABLED_CASHIER), passwordHash, role: "CASHIER", branchId: branch.id, active: false },
    ],
  });
}

function pick(user: { name: string; email: string }) {
  return { name: user.name, email: user.email };
}
