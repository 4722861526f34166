// Product images: which pictures a product shows, in what order, with what description. Positions are kept
// dense (0..n-1) so "the first image" is simply position 0 for the storefront and the register alike.
import type { Db, Prisma } from "@pos/db";
import {
  MAX_IMAGES_PER_PRODUCT,
  ZImageAttach,
  type TImageAltUpdate,
  type TImageAttach,
  type TImageList,
  type TImageRemove,
  type TImageReorder,
  type TImageUploadPrepare,
} from "@pos/validators";
import type { SessionUser } from "../context.ts";
import { DomainError } from "../errors.ts";
import type { ImageStorage, UploadTicket } from "../images/storage.ts";
import type { Logger } from "../logger.ts";
import { recordAudit } from "./audit.ts";

export const productImageSelect = {
  id: true,
  productId: true,
  url: true,
  publicId: true,
  alt: true,
  position: true,
} satisfies Prisma.ProductImageSelect;

export type ProductImageRow = Prisma.ProductImageGetPayload<{ select: typeof productImageSelect }>;

export interface ImageDeps {
  storage: ImageStorage;
  log: Logger;
}

type Tx = Prisma.TransactionClient;
type Actor = Pick<SessionUser, "id">;

/**
 * Locks the product row for the rest of the transaction, so two managers adding or reordering pictures at
 * once take turns instead of both computing the same "next position".
 */
async function lockProduct(tx: Tx, productId: number): Promise<{ id: number; name: string }> {
  const rows = await tx.$queryRaw<{ id: number; name: string }[]>`
    SELECT id, name FROM "Product" WHERE id = ${productId} FOR UPDATE`;
  const product = rows[0];
  if (!product) throw productNotFound(productId);
  return product;
}

const productNotFound = (productId: number) =>
  new DomainError("NOT_FOUND", `Product ${productId} does not exist. Reload the catalog and try again.`, {
    productId,
  });

const imagesOf = (db: Db | Tx, productId: number) =>
  db.productImage.findMany({
    where: { productId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: productImageSelect,
  });

function assertRoom(productName: string, count: number): void {
  if (count >= MAX_IMAGES_PER_PRODUCT) {
    throw new DomainError(
      "CONFLICT",
      `${productName} already has ${count} images, the most a product can show. Remove one before adding another.`,
      { max: MAX_IMAGES_PER_PRODUCT },
    );
  }
}

/** Checked before any bytes move: the product exists and has room for one more picture. */
export async function assertCanAddImage(db: Db, productId: number): Promise<void> {
  // No lock: this is early feedback only; attach re-checks under the product lock.
  const product = await db.product.findUnique({
    where: { id: productId },
    select: { name: true, _count: { select: { images: true } } },
  });
  if (!product) throw productNotFound(productId);
  assertRoom(product.name, product._count.images);
}

export async function prepareImageUpload(db: Db, input: TImageUploadPrepare, deps: ImageDeps): Promise<UploadTicket> {
  await assertCanAddImage(db, input.productId);
  return deps.storage.prepareUpload(input);
}

export function listProductImages(db: Db, input: TImageList): Promise<ProductImageRow[]> {
  return imagesOf(db, input.productId);
}

/** Adds an uploaded picture as the product's last image. */
export async function attachProductImage(
  db: Db,
  input: TImageAttach,
  actor: Actor,
  deps: ImageDeps,
): Promise<ProductImageRow> {
  const { productId, publicId, alt } = ZImageAttach.parse(input);
  return db.$transaction(async (tx) => {
    const product = await lockProduct(tx, productId);
    if (!(await deps.storage.isUploadFor(productId, publicId))) {
      throw new DomainError(
        "BAD_REQUEST",
        `"${publicId}" is not an upload for ${product.name}. Upload the image again from this product's page.`,
        { productId, publicId },
      );
    }
    const count = await tx.productImage.count({ where: { productId } });
    assertRoom(product.name, count);
    const url = deps.storage.publicUrl(publicId);
    const image = await tx.productImage.create({
      data: { productId, url, publicId, alt, position: count },
      select: productImageSelect,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "product.image_added",
      entity: "Product",
      entityId: productId,
      data: { imageId: image.id, publicId },
    });
    return image;
  });
}

export async function reorderProductImages(db: Db, input: TImageReorder): Promise<ProductImageRow[]> {
  return db.$transaction(async (tx) => {
    const product = await lockProduct(tx, input.productId);
    const current = await imagesOf(tx, input.productId);
    const wanted = new Set(input.imageIds);
    if (current.length !== wanted.size || current.some((image) => !wanted.has(image.id))) {
      throw new DomainError(
        "CONFLICT",
        `The new order must list each of the ${current.length} images of ${product.name} exactly once. Reload the page: someone may have changed them.`,
        { productId: input.productId, imageIds: current.map((image) => image.id) },
      );
    }
    for (const [position, id] of input.imageIds.entries()) {
      await tx.productImage.update({ where: { id }, data: { position } });
    }
    return imagesOf(tx, input.productId);
  });
}

export async function updateProductImageAlt(db: Db, input: TImageAltUpdate): Promise<ProductImageRow> {
  const { count } = await db.productImage.updateMany({ where: { id: input.imageId }, data: { alt: input.alt } });
  if (count === 0) throw imageNotFound(input.imageId);
  return db.productImage.findUniqueOrThrow({ where: { id: input.imageId }, select: productImageSelect });
}

function imageNotFound(imageId: number): DomainError {
  return new DomainError("NOT_FOUND", `Image ${imageId} no longer exists. Reload the page to see the current images.`, {
    imageId,
  });
}

/** Removes a picture from its product, closes the gap in positions, and deletes the file once unused. */
export async function removeProductImage(
  db: Db,
  input: TImageRemove,
  actor: Actor,
  deps: ImageDeps,
): Promise<ProductImageRow[]> {
  const { removed, remaining, stillUsed } = await db.$transaction(async (tx) => {
    const image = await tx.productImage.findUnique({ where: { id: input.imageId }, select: productImageSelect });
    if (!image) throw imageNotFound(input.imageId);
    await lockProduct(tx, image.productId);
    await tx.productImage.delete({ where: { id: image.id } });
    const rest = await imagesOf(tx, image.productId);
    for (const [position, other] of rest.entries()) {
      if (other.position !== position) await tx.productImage.update({ where: { id: other.id }, data: { position } });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "product.image_removed",
      entity: "Product",
      entityId: image.productId,
      data: { imageId: image.id, publicId: image.publicId },
    });
    // Demo pictures are shared between products; only the last reference takes the file with it.
    const others = image.publicId ? await tx.productImage.count({ where: { publicId: image.publicId } }) : 0;
    return {
      removed: image,
      remaining: rest.map((other, position) => ({ ...other, position })),
      stillUsed: others > 0,
    };
  });
  // After commit, and never failing the request: the row is the truth, and an orphaned file only costs space.
  if (removed.publicId && !stillUsed) {
    await deps.storage.delete(removed.publicId).catch((error: unknown) => {
      deps.log.warn("Image file left behind after its row was removed", {
        publicId: removed.publicId,
        error: error instanceof Error ? error.message : String(error),
      });
    });
  }
  return remaining;
}
