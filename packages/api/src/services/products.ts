// Products and their variants: list, read, create, update, archive. Reads pick the select shape by role, so
// a cashier's answer never contains cost; every write runs in one transaction, so a refusal writes nothing.
import { type Prisma, type Db } from "@pos/db";
import {
  sizeLabelProblem,
  sizesFor,
  type TProductCreateParsed,
  type TProductList,
  type TProductUpdateParsed,
} from "@pos/validators";
import type { SessionUser } from "../context.ts";
import { DomainError } from "../errors.ts";
import {
  productPublicSelect,
  productStaffSelect,
  seesCost,
  toPublicProductDto,
  toStaffProductDto,
  type ProductDto,
} from "./catalog-selects.ts";
import { recordAudit } from "./audit.ts";
import { categoryWithDescendants } from "./categories.ts";
import { asConflict, assertCodesFree, assignCodes, positionOf, type VariantDraft } from "./product-variants.ts";
import { planVariantChanges, priceChanges } from "./product-updates.ts";
import { uniqueSlug } from "./slugs.ts";

type Tx = Prisma.TransactionClient;
export type Actor = Pick<SessionUser, "id" | "role">;

interface ProductQuery {
  where: Prisma.ProductWhereInput;
  orderBy?: Prisma.ProductOrderByWithRelationInput[];
  take?: number;
  cursor?: Prisma.ProductWhereUniqueInput;
  skip?: number;
}

/** The one place that decides between the shape with cost and the one without. */
export async function readProducts(db: Db | Tx, query: ProductQuery, actor: Actor): Promise<ProductDto[]> {
  if (seesCost(actor.role)) {
    return (await db.product.findMany({ ...query, select: productStaffSelect })).map(toStaffProductDto);
  }
  return (await db.product.findMany({ ...query, select: productPublicSelect })).map(toPublicProductDto);
}

const productNotFound = (id: number) =>
  new DomainError("NOT_FOUND", `Product ${id} does not exist. Reload the catalog and try again.`, { productId: id });

export async function getProduct(db: Db | Tx, id: number, actor: Actor): Promise<ProductDto> {
  const [product] = await readProducts(db, { where: { id } }, actor);
  if (!product) throw productNotFound(id);
  return product;
}

export interface ProductPage {
  items: ProductDto[];
  nextCursor: number | null;
}

export async function listProducts(db: Db, input: TProductList, actor: Actor): Promise<ProductPage> {
  const limit = input.limit ?? 50;
  const where: Prisma.ProductWhereInput = {
    ...(input.categoryId !== undefined && { categoryId: { in: await categoryWithDescendants(db, input.categoryId) } }),
    ...(input.brand !== undefined && { brand: { equals: input.brand, mode: "insensitive" } }),
    ...(input.active !== undefined && { active: input.active }),
    ...(input.showOnline !== undefined && { showOnline: input.showOnline }),
    ...(input.q !== undefined && {
      OR: [
        { name: { contains: input.q, mode: "insensitive" } },
        { brand: { contains: input.q, mode: "insensitive" } },
        { variants: { some: { sku: { contains: input.q, mode: "insensitive" } } } },
      ],
    }),
  };
  // Name order with id as the tie-breaker: a total order, so the cursor never repeats or skips a product.
  const rows = await readProducts(
    db,
    {
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: limit + 1,
      ...(input.cursor != null && { cursor: { id: input.cursor }, skip: 1 }),
    },
    actor,
  );
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

async function requireCategory(tx: Tx, categoryId: number): Promise<void> {
  const found = await tx.category.findUnique({ where: { id: categoryId }, select: { id: true } });
  if (!found) {
    throw new DomainError("NOT_FOUND", `Category ${categoryId} does not exist. Pick another category.`, {
      categoryId,
    });
  }
}

const slugFor = (tx: Tx, name: string, current?: string) =>
  uniqueSlug((args) => tx.product.findMany(args), name, current);

export async function createProduct(db: Db, input: TProductCreateParsed, actor: Actor): Promise<ProductDto> {
  return db.$transaction((tx) => createProductIn(tx, input, actor)).catch(asConflict);
}

/** The create itself, inside the caller's transaction (the catalog import runs many in one batch). */
export async function createProductIn(tx: Tx, input: TProductCreateParsed, actor: Actor): Promise<ProductDto> {
  const { variants, ...fields } = input;
  await requireCategory(tx, fields.categoryId);
  const product = await tx.product.create({
    data: { ...fields, slug: await slugFor(tx, fields.name) },
    select: { id: true, name: true },
  });
  const sizes = sizesFor(fields.sizeSystem, fields.customSizes);
  const drafts: VariantDraft[] = (variants ?? sizes.map((sizeLabel) => ({ sizeLabel }))).map((draft, index) => ({
    ...draft,
    position: positionOf(sizes, draft.sizeLabel, index),
  }));
  const planned = await assignCodes(tx, product, drafts);
  await assertCodesFree(tx, planned);
  await tx.variant.createMany({ data: planned.map((variant) => ({ ...variant, productId: product.id })) });
  return getProduct(tx, product.id, actor);
}

/** Serialises concurrent edits of one product, so the audit's "old" price is the one really replaced. */
async function lockProduct(tx: Tx, id: number): Promise<void> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Product" WHERE id = ${id} FOR UPDATE`;
  if (rows.length === 0) throw productNotFound(id);
}

export async function updateProduct(db: Db, input: TProductUpdateParsed, actor: Actor): Promise<ProductDto> {
  return db.$transaction((tx) => updateProductIn(tx, input, actor)).catch(asConflict);
}

/** The update itself, inside the caller's transaction (the catalog import runs many in one batch). */
export async function updateProductIn(tx: Tx, input: TProductUpdateParsed, actor: Actor): Promise<ProductDto> {
  const { id, variants: variantInput, ...fields } = input;
  await lockProduct(tx, id);
  const current = await tx.product.findUniqueOrThrow({
    where: { id },
    select: {
      ...productStaffSelect,
      variants: {
        select: { id: true, sizeLabel: true, sku: true, barcode: true, priceOverride: true, active: true },
      },
    },
  });
  if (fields.categoryId !== undefined && fields.categoryId !== current.categoryId) {
    await requireCategory(tx, fields.categoryId);
  }
  const sizeSystem = fields.sizeSystem ?? current.sizeSystem;
  const customSizes = fields.customSizes ?? current.customSizes;
  // Forms send the whole product back: only a real change of sizing regenerates variants.
  const sizingChanged =
    sizeSystem !== current.sizeSystem || customSizes.join("\u0000") !== current.customSizes.join("\u0000");
  const plan = planVariantChanges(current.variants, variantInput, sizesFor(sizeSystem, customSizes), sizingChanged);
  const problem = sizeLabelProblem(sizeSystem, customSizes, plan.activeLabels);
  if (problem) throw new DomainError("BAD_REQUEST", problem, { sizeSystem });

  const created = await assignCodes(tx, { id, name: fields.name ?? current.name }, plan.creates);
  await assertCodesFree(tx, [...plan.finalCodes, ...created], plan.rewrittenIds);

  const changes = priceChanges(current, fields, plan.updates);
  if (changes) {
    await recordAudit(tx, {
      actorId: actor.id,
      action: "product.price_changed",
      entity: "Product",
      entityId: id,
      data: changes,
    });
  }
  await tx.product.update({
    where: { id },
    data: {
      ...fields,
      ...(fields.name !== undefined && { slug: await slugFor(tx, fields.name, current.slug) }),
    },
  });
  for (const { id: variantId, ...data } of plan.updates) {
    await tx.variant.update({ where: { id: variantId }, data });
  }
  if (created.length > 0) {
    await tx.variant.createMany({ data: created.map((variant) => ({ ...variant, productId: id })) });
  }
  return getProduct(tx, id, actor);
}

/** Retires a product: it leaves the register, search and storefront, but its sales and stock stay intact. */
export async function archiveProduct(db: Db, id: number, actor: Actor): Promise<ProductDto> {
  const { count } = await db.product.updateMany({ where: { id }, data: { active: false } });
  if (count === 0) throw productNotFound(id);
  return getProduct(db, id, actor);
}
