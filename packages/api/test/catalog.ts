// Small catalog fixtures: a category, a product through the real service (so variants and codes are generated
// exactly as in production), and callers per role.
import type { Db, Role } from "@pos/db";
import type { TProductCreate } from "@pos/validators";
import { createCaller } from "../src/index.ts";
import { anonymous, as, createUser } from "./factories.ts";

let sequence = 0;

export async function createCategory(db: Db, name = `Categoría ${++sequence}`, parentId: number | null = null) {
  const n = ++sequence;
  return db.category.create({ data: { name, slug: `fixture-category-${n}`, parentId, sortOrder: n } });
}

export async function callerFor(db: Db, role: Role | "ANONYMOUS") {
  return role === "ANONYMOUS" ? createCaller(anonymous(db)) : createCaller(as(db, await createUser(db, role)));
}

/** A product with defaults a test may override; created by a manager through the API. */
export async function createProduct(db: Db, fields: Partial<TProductCreate> = {}) {
  const categoryId = fields.categoryId ?? (await createCategory(db)).id;
  const manager = await callerFor(db, "MANAGER");
  return manager.products.create({
    name: `Producto ${++sequence}`,
    price: "15999.00",
    cost: "8000.00",
    ...fields,
    categoryId,
  });
}

/** Everything a refused write could have touched, to compare before and after. */
export async function catalogSnapshot(db: Db) {
  const [products, variants, categories, audits] = await Promise.all([
    db.product.findMany({ orderBy: { id: "asc" } }),
    db.variant.findMany({ orderBy: { id: "asc" } }),
    db.category.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.count(),
  ]);
  return JSON.stringify({ products, variants, categories, audits });
}
