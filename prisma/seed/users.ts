// Staff accounts of the demo shop. DEMO_LOGINS is the one list the README and `pnpm start` print, so what they
// advertise is exactly what the seed creates.
import { hashPassword } from "@pos/auth/password";
import type { Role } from "@pos/db";
import type { RowSink } from "./rows.ts";

/** Every demo account shares this password (it is printed on the start screen; never use it in production). */
export const DEMO_PASSWORD = "demo1234";

export interface DemoLogin {
  email: string;
  name: string;
  role: Role;
  /** Home branch code (cashiers must have one). */
  branchCode: string | null;
  active: boolean;
  note?: string;
}

export const DEMO_LOGINS: readonly DemoLogin[] = [
  { email: "admin@demo.pos", name: "Valeria Gómez", role: "ADMIN", branchCode: null, active: true, note: "everything" },
  {
    email: "manager@demo.pos",
    name: "Martín Pereyra",
    role: "MANAGER",
    branchCode: null,
    active: true,
    note: "all branches",
  },
  {
    email: "cajero.centro@demo.pos",
    name: "Lucía Fernández",
    role: "CASHIER",
    branchCode: "CEN",
    active: true,
    note: "Centro",
  },
  {
    email: "cajero.palermo@demo.pos",
    name: "Santiago Romero",
    role: "CASHIER",
    branchCode: "PAL",
    active: true,
    note: "Palermo",
  },
  {
    email: "cajero.norte@demo.pos",
    name: "Camila Sosa",
    role: "CASHIER",
    branchCode: "NOR",
    active: true,
    note: "Outlet Norte",
  },
  {
    email: "cajero.inactivo@demo.pos",
    name: "Diego Acosta",
    role: "CASHIER",
    branchCode: "CEN",
    active: false,
    note: "disabled: sign-in is refused",
  },
];

export interface StaffIds {
  adminId: number;
  managerId: number;
  /** The active cashier of each branch, by branch id. */
  cashierByBranch: Map<number, number>;
  /** Cashiers since disabled, by branch id: the history's early shifts are theirs. */
  formerCashierByBranch: Map<number, number>;
}

export async function pushUsers(
  sink: RowSink,
  branchIds: ReadonlyMap<string, number>,
  createdAt: Date,
): Promise<StaffIds> {
  // scrypt takes ~80 ms per hash; the thread pool runs them side by side.
  const hashes = await Promise.all(DEMO_LOGINS.map(() => hashPassword(DEMO_PASSWORD)));
  const ids: StaffIds = { adminId: 0, managerId: 0, cashierByBranch: new Map(), formerCashierByBranch: new Map() };
  DEMO_LOGINS.forEach((login, index) => {
    const id = index + 1;
    const branchId = login.branchCode === null ? null : (branchIds.get(login.branchCode) ?? null);
    if (login.role === "CASHIER" && branchId === null) throw new Error(`Demo cashier ${login.email} has no branch`);
    sink.push("User", {
      id,
      name: login.name,
      email: login.email,
      passwordHash: hashes[index] ?? "",
      role: login.role,
      branchId,
      active: login.active,
      lastLoginAt: null,
      createdAt,
      updatedAt: createdAt,
    });
    if (login.role === "ADMIN" && !ids.adminId) ids.adminId = id;
    if (login.role === "MANAGER" && !ids.managerId) ids.managerId = id;
    if (login.role === "CASHIER" && login.active && branchId !== null && !ids.cashierByBranch.has(branchId)) {
      ids.cashierByBranch.set(branchId, id);
    }
    if (login.role === "CASHIER" && !login.active && branchId !== null) ids.formerCashierByBranch.set(branchId, id);
  });
  return ids;
}
