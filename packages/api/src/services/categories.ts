// The category tree: a parent and a sort order per category, shown as nested lists in the admin and the
// storefront menu. Nothing is deleted while products or children still hang from it.
import { type Prisma, type Db } from "@pos/db";
import type { TCategoryCreate, TCategoryReorder, TCategoryUpdate } from "@pos/validators";
import { DomainError } from "../errors.ts";
import { categorySelect } from "./catalog-selects.ts";
import { uniqueSlug } from "./slugs.ts";

type Tx = Prisma.TransactionClient;
type CategoryRow = Prisma.CategoryGetPayload<{ select: typeof categorySelect }>;
/** `productCount`: products filed directly under this category (not its subcategories), archived ones included. */
export type CategoryNode = CategoryRow & { productCount: number; children: CategoryNode[] };

const notFound = (id: number, what = "Category") =>
  new DomainError("NOT_FOUND", `${what} ${id} does not exist. Reload the categories and try again.`, {
    categoryId: id,
  });

async function requireCategory(db: Db | Tx, id: number, what?: string): Promise<CategoryRow> {
  const category = await db.category.findUnique({ where: { id }, select: categorySelect });
  if (!category) throw notFound(id, what);
  return category;
}

const slugFor = (tx: Tx, name: string, current?: string) =>
  uniqueSlug((args) => tx.category.findMany(args), name, current);

async function nextSortOrder(tx: Tx, parentId: number | null): Promise<number> {
  const last = await tx.category.aggregate({ where: { parentId }, _max: { sortOrder: true } });
  return (last._max.sortOrder ?? -1) + 1;
}

/** Every category as a forest of roots, children in their sort order. */
export async function listCategoryTree(db: Db): Promise<CategoryNode[]> {
  const rows = await db.category.findMany({
    select: categorySelect,
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }, { id: "asc" }],
  });
  const counts = await db.product.groupBy({ by: ["categoryId"], _count: { _all: true } });
  const productCount = new Map(counts.map((count) => [count.categoryId, count._count._all]));
  const nodes = new Map(
    rows.map((row) => [
      row.id,
      { ...row, productCount: productCount.get(row.id) ?? 0, children: [] as CategoryNode[] },
    ]),
  );
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** The category and all its descendants, e.g. "Calzado" → Calzado, Running, Urbano. */
export async function categoryWithDescendants(db: Db | Tx, id: number): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE tree AS (
      SELECT id FROM "Category" WHERE id = ${id}
      UNION ALL
      SELECT c.id FROM "Category" c JOIN tree t ON c."parentId" = t.id
    )
    SELECT id FROM tree`;
  return rows.map((row) => row.id);
}

export async function createCategory(db: Db, input: TCategoryCreate): Promise<CategoryRow> {
  return db.$transaction(async (tx) => {
    const parentId = input.parentId ?? null;
    if (parentId !== null) await requireCategory(tx, parentId, "Parent category");
    return tx.category.create({
      data: {
        name: input.name,
        slug: await slugFor(tx, input.name),
        parentId,
        active: input.active ?? true,
        sortOrder: await nextSortOrder(tx, parentId),
      },
      select: categorySelect,
    });
  });
}

export async function updateCategory(db: Db, input: TCategoryUpdate): Promise<CategoryRow> {
  return db.$transaction(async (tx) => {
    const current = await requireCategory(tx, input.id);
    const moving = input.parentId !== undefined && input.parentId !== current.parentId;
    if (moving && input.parentId != null) {
      await requireCategory(tx, input.parentId, "Parent category");
      const below = await categoryWithDescendants(tx, current.id);
      if (below.includes(input.parentId)) {
        throw new DomainError("BAD_REQUEST", `${current.name} cannot move under itself or one of its subcategories.`, {
          categoryId: current.id,
          parentId: input.parentId,
        });
      }
    }
    const parentId = moving ? (input.parentId ?? null) : current.parentId;
    return tx.category.update({
      where: { id: current.id },
      data: {
        ...(input.name !== undefined && { name: input.name, slug: await slugFor(tx, input.name, current.slug) }),
        ...(input.active !== undefined && { active: input.active }),
        ...(moving && { parentId, sortOrder: await nextSortOrder(tx, parentId) }),
      },
      select: categorySelect,
    });
  });
}

/** Sets the order of one parent's children; the list must name every child exactly once. */
export async function reorderCategories(db: Db, input: TCategoryReorder): Promise<CategoryRow[]> {
  return db.$transaction(async (tx) => {
    const children = await tx.category.findMany({ where: { parentId: input.parentId }, select: { id: true } });
    const expected = new Set(children.map((child) => child.id));
    if (expected.size !== input.ids.length || !input.ids.every((id) => expected.has(id))) {
      throw new DomainError(
        "BAD_REQUEST",
        "The new order must list every category under this parent exactly once. Reload and try again.",
        { parentId: input.parentId, expected: [...expected] },
      );
    }
    for (const [sortOrder, id] of input.ids.entries()) {
      await tx.category.update({ where: { id }, data: { sortOrder } });
    }
    return tx.category.findMany({
      where: { parentId: input.parentId },
      select: categorySelect,
      orderBy: { sortOrder: "asc" },
    });
  });
}

/** Only an empty leaf can go; anything else is retired with `active: false`. */
export async function deleteCategory(db: Db, id: number): Promise<{ id: number }> {
  return db.$transaction(async (tx) => {
    const category = await requireCategory(tx, id);
    const children = await tx.category.count({ where: { parentId: id } });
    const products = await tx.product.count({ where: { categoryId: id } });
    if (children > 0 || products > 0) {
      throw new DomainError(
        "CONFLICT",
        `${category.name} still has ${children} subcategories and ${products} products. Move them or deactivate the category instead.`,
        { categoryId: id, children, products },
      );
    }
    await tx.category.delete({ where: { id } });
    return { id };
  });
}
