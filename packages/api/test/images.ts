// Fixtures for the image tests: a product to hang pictures on, real image bytes, a throwaway uploads dir.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Db } from "@pos/db";

let sequence = 0;

export async function createProduct(db: Db, name = `Zapatilla ${++sequence}`) {
  const n = ++sequence;
  const category = await db.category.create({ data: { name: `Calzado ${n}`, slug: `calzado-${n}` } });
  return db.product.create({
    data: { name, slug: `producto-${n}`, categoryId: category.id, price: "59990.00", cost: "30000.00" },
  });
}

/** A valid 1×1 PNG: real bytes, so signature sniffing and the served content type are exercised for real. */
export const PNG_1X1 = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  ),
);

/** A fresh directory per call; the returned cleanup removes it. */
export async function tempDir(prefix = "pos-images-"): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The error a promise rejects with, or null if it resolves: lets one test compare several refusals. */
export const rejection = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );
