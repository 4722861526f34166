// Small factories for API tests: just the fields a test cares about, sensible defaults for the rest.
import { createContextInner, silentLogger, type Context, type Logger, type SessionUser } from "../src/index.ts";
import type { Db, Role } from "@pos/db";

let sequence = 0;
const next = () => ++sequence;

export async function createBranch(db: Db, name = `Sucursal ${next()}`) {
  const n = next();
  return db.branch.create({ data: { name, code: `B${n}`, address: `Calle ${n}` } });
}

export async function createUser(db: Db, role: Role, options: { branchId?: number | null; active?: boolean } = {}) {
  const n = next();
  const branchId = options.branchId ?? (role === "CASHIER" ? (await createBranch(db)).id : null);
  return db.user.create({
    data: {
      name: `${role.toLowerCase()} ${n}`,
      email: `user${n}@test.pos`,
      // Never verified in API tests; sign-in is tested in @pos/auth.
      passwordHash: "scrypt$unused",
      role,
      branchId,
      active: options.active ?? true,
    },
  });
}

export function sessionFor(user: SessionUser): { user: SessionUser } {
  const { id, name, email, role, branchId } = user;
  return { user: { id, name, email, role, branchId } };
}

export function anonymous(db: Db, log: Logger = silentLogger): Context {
  return createContextInner({ db, session: null, log, requestId: "test-request" });
}

export function as(db: Db, user: SessionUser, log: Logger = silentLogger): Context {
  return createContextInner({ db, session: sessionFor(user), log, requestId: "test-request" });
}
