import { existsSync } from "node:fs";
import { join } from "node:path";
import { useTestDb } from "@pos/db/testing";
import { MAX_IMAGES_PER_PRODUCT } from "@pos/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../test/factories.ts";
import { createProduct, PNG_1X1, rejection, tempDir } from "../../test/images.ts";
import { createLocalImageStorage } from "../images/local.ts";
import type { LocalImageStorage } from "../images/storage.ts";
import type { LogFields, Logger } from "../logger.ts";
import {
  attachProductImage,
  prepareImageUpload,
  removeProductImage,
  reorderProductImages,
  updateProductImageAlt,
  type ImageDeps,
} from "./images.ts";

const t = useTestDb();
let uploads: { dir: string; cleanup: () => Promise<void> };
let storage: LocalImageStorage;
const warnings: { message: string; fields?: LogFields }[] = [];
const log: Logger = {
  info: () => undefined,
  error: () => undefined,
  warn: (message, fields) => warnings.push({ message, fields }),
};
let deps: ImageDeps;

beforeAll(async () => {
  uploads = await tempDir();
  storage = createLocalImageStorage({ root: uploads.dir });
  deps = { storage, log };
});
afterAll(() => uploads.cleanup());

const upload = (productId: number, fileName = "runner.png") =>
  storage.store({ productId, fileName, contentType: "image/png", bytes: PNG_1X1 });

async function productWithImages(count: number) {
  const actor = await createUser(t.db, "MANAGER");
  const product = await createProduct(t.db);
  const images = [];
  for (let i = 0; i < count; i++) {
    const { publicId } = await upload(product.id, `photo ${i}.png`);
    images.push(await attachProductImage(t.db, { productId: product.id, publicId, alt: `Photo ${i}` }, actor, deps));
  }
  return { actor, product, images };
}

/** Ids of fixture images as a fixed-length tuple, so tests can name them without undefined checks. */
function ids(images: { id: number }[]): [number, number, number] {
  const [a, b, c] = images.map((image) => image.id);
  if (a === undefined || b === undefined || c === undefined) throw new Error("fixture needs three images");
  return [a, b, c];
}

/** "id@position" per image as stored, in position order: compact to compare. */
const stored = async (productId: number) =>
  (await t.db.productImage.findMany({ where: { productId }, orderBy: { position: "asc" } })).map(
    (i) => `${i.id}@${i.position}`,
  );

describe("attachProductImage", () => {
  it("appends images at dense positions with their served URL, and records who added them", async () => {
    const { actor, product, images } = await productWithImages(3);
    expect(images.map((i) => i.position)).toEqual([0, 1, 2]);
    expect(images[0]).toMatchObject({ alt: "Photo 0", url: `/uploads/${images[0]?.publicId ?? ""}` });
    const audit = await t.db.auditEvent.findMany({ where: { entity: "Product", entityId: String(product.id) } });
    expect(audit).toHaveLength(3);
    expect(audit[0]).toMatchObject({ actorId: actor.id, action: "product.image_added" });
  });

  it("refuses an unknown product, another product's upload and a file that was never uploaded", async () => {
    const actor = await createUser(t.db, "MANAGER");
    const product = await createProduct(t.db);
    const other = await createProduct(t.db);
    const { publicId } = await upload(other.id);
    const attach = (productId: number, id: string) =>
      rejection(attachProductImage(t.db, { productId, publicId: id }, actor, deps));
    expect(await attach(999_999, publicId)).toMatchObject({ code: "NOT_FOUND" });
    expect(await attach(product.id, publicId)).toMatchObject({ code: "BAD_REQUEST" });
    expect(String(await attach(product.id, publicId))).toContain("Upload the image again from this product's page");
    expect(await attach(product.id, `products/${product.id}/never-uploaded.png`)).toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await t.db.productImage.count({ where: { productId: product.id } })).toBe(0);
  });

  it(`stops at ${MAX_IMAGES_PER_PRODUCT} images per product`, async () => {
    const { actor, product } = await productWithImages(MAX_IMAGES_PER_PRODUCT);
    const { publicId } = await upload(product.id);
    const refused = await rejection(attachProductImage(t.db, { productId: product.id, publicId }, actor, deps));
    expect(refused).toMatchObject({ code: "CONFLICT" });
    expect(String(refused)).toContain(`already has ${MAX_IMAGES_PER_PRODUCT} images`);
    const request = { productId: product.id, fileName: "x.png", contentType: "image/png", size: 10 } as const;
    expect(await rejection(prepareImageUpload(t.db, request, deps))).toMatchObject({ code: "CONFLICT" });
  });
});

describe("prepareImageUpload", () => {
  it("hands out a ticket for an existing product and refuses an unknown one", async () => {
    const product = await createProduct(t.db);
    const request = { productId: product.id, fileName: "x.png", contentType: "image/png", size: 10 } as const;
    expect(await prepareImageUpload(t.db, request, deps)).toMatchObject({ kind: "local", uploadUrl: "/api/uploads" });
    expect(await rejection(prepareImageUpload(t.db, { ...request, productId: 999_999 }, deps))).toMatchObject({
      code: "NOT_FOUND",
      message: "Product 999999 does not exist. Reload the catalog and try again.",
    });
  });
});

describe("reorderProductImages", () => {
  it("applies the new order as positions 0..n-1", async () => {
    const { product, images } = await productWithImages(3);
    const [a, b, c] = ids(images);
    const reordered = await reorderProductImages(t.db, { productId: product.id, imageIds: [c, a, b] });
    expect(reordered.map((i) => `${i.id}@${i.position}`)).toEqual([`${c}@0`, `${a}@1`, `${b}@2`]);
    expect(await stored(product.id)).toEqual([`${c}@0`, `${a}@1`, `${b}@2`]);
  });

  it("refuses a list that misses, repeats or borrows images, and an unknown product", async () => {
    const { product, images } = await productWithImages(2);
    const { images: foreign } = await productWithImages(1);
    const ids = images.map((i) => i.id);
    const reorder = (productId: number, imageIds: number[]) =>
      rejection(reorderProductImages(t.db, { productId, imageIds }));
    expect(await reorder(product.id, ids.slice(0, 1))).toMatchObject({ code: "CONFLICT" });
    expect(await reorder(product.id, [...ids.slice(0, 1), foreign[0]?.id ?? 0])).toMatchObject({ code: "CONFLICT" });
    expect(await reorder(999_999, ids)).toMatchObject({ code: "NOT_FOUND" });
    expect(await stored(product.id)).toEqual(ids.map((id, position) => `${id}@${position}`));
  });
});

describe("updateProductImageAlt", () => {
  it("changes the description and refuses an unknown image", async () => {
    const { images } = await productWithImages(1);
    const id = images[0]?.id ?? 0;
    expect(await updateProductImageAlt(t.db, { imageId: id, alt: "Runner 42, azul, lateral" })).toMatchObject({
      id,
      alt: "Runner 42, azul, lateral",
    });
    expect(await rejection(updateProductImageAlt(t.db, { imageId: 999_999, alt: "" }))).toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("removeProductImage", () => {
  it("closes the gap in positions and deletes the file", async () => {
    const { actor, product, images } = await productWithImages(3);
    const [first, middle, last] = ids(images);
    const remaining = await removeProductImage(t.db, { imageId: middle }, actor, deps);
    expect(remaining.map((i) => `${i.id}@${i.position}`)).toEqual([`${first}@0`, `${last}@1`]);
    expect(await stored(product.id)).toEqual([`${first}@0`, `${last}@1`]);
    expect(existsSync(join(uploads.dir, images[1]?.publicId ?? "missing"))).toBe(false);
    expect(
      await t.db.auditEvent.count({ where: { action: "product.image_removed", entityId: String(product.id) } }),
    ).toBe(1);
  });

  it("keeps a file that another product still shows, and deletes it with the last reference", async () => {
    const { actor, images } = await productWithImages(1);
    const image = images[0];
    if (!image?.publicId) throw new Error("fixture has no image");
    const other = await createProduct(t.db);
    const copy = await t.db.productImage.create({
      data: { productId: other.id, url: image.url, publicId: image.publicId },
    });
    await removeProductImage(t.db, { imageId: image.id }, actor, deps);
    expect(existsSync(join(uploads.dir, image.publicId))).toBe(true);
    await removeProductImage(t.db, { imageId: copy.id }, actor, deps);
    expect(existsSync(join(uploads.dir, image.publicId))).toBe(false);
  });

  it("logs, rather than fails, when the file cannot be deleted", async () => {
    const actor = await createUser(t.db, "MANAGER");
    const product = await createProduct(t.db);
    const row = await t.db.productImage.create({
      data: { productId: product.id, url: "/uploads/x", publicId: "../escape.png" },
    });
    await expect(removeProductImage(t.db, { imageId: row.id }, actor, deps)).resolves.toEqual([]);
    expect(warnings.at(-1)).toMatchObject({
      message: "Image file left behind after its row was removed",
      fields: { publicId: "../escape.png" },
    });
  });

  it("refuses an image that no longer exists", async () => {
    const actor = await createUser(t.db, "MANAGER");
    expect(await rejection(removeProductImage(t.db, { imageId: 999_999 }, actor, deps))).toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
