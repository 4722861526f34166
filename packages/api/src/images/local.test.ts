import { existsSync } from "node:fs";
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { MAX_IMAGE_BYTES } from "@pos/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG_1X1, rejection, tempDir } from "../../test/images.ts";
import { isDomainError } from "../errors.ts";
import { serveUpload } from "../uploads.ts";
import { createLocalImageStorage, looksLike } from "./local.ts";
import type { LocalImageStorage } from "./storage.ts";

let base: { dir: string; cleanup: () => Promise<void> };
let root: string;
let storage: LocalImageStorage;

beforeAll(async () => {
  base = await tempDir();
  root = join(base.dir, "uploads");
  await mkdir(root);
  storage = createLocalImageStorage({ root });
  await writeFile(join(base.dir, "secret.png"), "outside the uploads dir");
});
afterAll(() => base.cleanup());

const png = (fileName = "Runner Azul.png", bytes: Uint8Array = PNG_1X1) =>
  storage.store({ productId: 7, fileName, contentType: "image/png", bytes });

/** What the app's /uploads/[...path] route would do with the stored URL. */
const fetchPublic = (url: string) =>
  serveUpload({
    root,
    segments: url
      .replace(/^\/uploads\//, "")
      .split("/")
      .map(decodeURIComponent),
  });

const refusal = async (promise: Promise<unknown>) => {
  const error = await rejection(promise);
  expect(isDomainError(error)).toBe(true);
  return error instanceof Error ? error.message : "";
};

describe("local image storage", () => {
  it("stores a PNG that the uploads route then serves byte for byte", async () => {
    const stored = await png();
    expect(stored.publicId).toMatch(/^products\/7\/runner-azul-[0-9a-f]{12}\.png$/);
    expect(stored.url).toBe(`/uploads/${stored.publicId}`);
    const response = await fetchPublic(stored.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG_1X1);
    await expect(storage.isUploadFor(7, stored.publicId)).resolves.toBe(true);
    await expect(storage.isUploadFor(8, stored.publicId)).resolves.toBe(false);
  });

  it("hands out a ticket for the app's upload route", () => {
    const ticket = storage.prepareUpload({ productId: 7, fileName: "a.png", contentType: "image/png", size: 10 });
    expect(ticket).toEqual({
      kind: "local",
      uploadUrl: "/api/uploads",
      fields: { productId: "7" },
      fileField: "file",
      maxBytes: MAX_IMAGE_BYTES,
    });
  });

  it("stores the store's own pictures in their folder, and tells them apart from a product's", async () => {
    const logo = await storage.store({ store: true, fileName: "Logo.png", contentType: "image/png", bytes: PNG_1X1 });
    expect(logo.publicId).toMatch(/^store\/logo-[0-9a-f]{12}\.png$/);
    expect((await fetchPublic(logo.url)).status).toBe(200);
    await expect(storage.isUploadFor("store", logo.publicId)).resolves.toBe(true);
    await expect(storage.isUploadFor(7, logo.publicId)).resolves.toBe(false);
    await expect(storage.isUploadFor("store", (await png()).publicId)).resolves.toBe(false);
    const ticket = storage.prepareUpload({ store: true, fileName: "a.png", contentType: "image/png", size: 10 });
    expect(ticket.fields).toEqual({ owner: "store" });
  });

  it("names files itself, so a hostile file name cannot escape the product's folder", async () => {
    const stored = await png("../../../../secret.png");
    expect(stored.publicId).toMatch(/^products\/7\/secret-[0-9a-f]{12}\.png$/);
    expect(await readFile(join(base.dir, "secret.png"), "utf8")).toBe("outside the uploads dir");
    expect((await png("....png")).publicId).toMatch(/^products\/7\/image-/);
  });

  it.each(["../secret.png", "products/../../secret.png", "/etc/passwd", "products\\..\\x.png", ".hidden/x.png", ""])(
    "refuses the path %j for URLs, deletes and ownership",
    async (publicId) => {
      expect(() => storage.publicUrl(publicId)).toThrow(/not a stored image path/);
      await refusal(storage.delete(publicId));
      await expect(storage.isUploadFor(7, publicId)).resolves.toBe(false);
      expect(existsSync(join(base.dir, "secret.png"))).toBe(true);
    },
  );

  it("refuses to delete through a symlinked folder that leads outside", async () => {
    await mkdir(join(base.dir, "elsewhere"));
    await writeFile(join(base.dir, "elsewhere", "x.png"), "not ours");
    await mkdir(join(root, "products"), { recursive: true });
    await symlink(join(base.dir, "elsewhere"), join(root, "products", "9"));
    await refusal(storage.delete("products/9/x.png"));
    await expect(storage.isUploadFor(9, "products/9/x.png")).resolves.toBe(false);
    expect(existsSync(join(base.dir, "elsewhere", "x.png"))).toBe(true);
  });

  it("refuses SVG, non-images and files whose bytes do not match their type", async () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const store = (contentType: string, bytes: Uint8Array) =>
      storage.store({ productId: 7, fileName: "x", contentType, bytes });
    expect(await refusal(store("image/svg+xml", svg))).toMatch(/"image\/svg\+xml" cannot be uploaded/);
    expect(await refusal(store("text/html", svg))).toMatch(/Use a JPEG, PNG, WebP or AVIF/);
    expect(await refusal(store("image/png", new TextEncoder().encode("<html>")))).toMatch(/does not look like a PNG/);
    expect(await refusal(store("image/jpeg", PNG_1X1))).toMatch(/does not look like a JPG/);
  });

  it("refuses empty files and files over 8 MB", async () => {
    const huge = new Uint8Array(MAX_IMAGE_BYTES + 1);
    huge.set(PNG_1X1);
    expect(await refusal(png("big.png", huge))).toMatch(/limit is 8 MB/);
    expect(await refusal(png("empty.png", new Uint8Array()))).toMatch(/empty/);
  });

  it("deletes a stored file, and deleting it again is not an error", async () => {
    const stored = await png();
    await storage.delete(stored.publicId);
    expect((await fetchPublic(stored.url)).status).toBe(404);
    await expect(storage.delete(stored.publicId)).resolves.toBeUndefined();
  });
});

describe("looksLike", () => {
  const bytes = (...parts: (string | number[])[]) =>
    Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? Array.from(Buffer.from(p, "latin1")) : p)));

  it("recognises the signatures of each accepted type", () => {
    expect(looksLike("image/png", PNG_1X1)).toBe(true);
    expect(looksLike("image/jpeg", bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(looksLike("image/webp", bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 "))).toBe(true);
    expect(looksLike("image/avif", bytes([0, 0, 0, 0x1c], "ftypavif"))).toBe(true);
    expect(looksLike("image/webp", bytes("RIFF", [0, 0, 0, 0], "WAVE"))).toBe(false);
    expect(looksLike("image/avif", bytes([0, 0, 0, 0x1c], "ftypisom"))).toBe(false);
    expect(looksLike("image/png", new Uint8Array())).toBe(false);
  });
});
