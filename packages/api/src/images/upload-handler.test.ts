import { existsSync } from "node:fs";
import { join } from "node:path";
import { useTestDb } from "@pos/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, sessionFor } from "../../test/factories.ts";
import { createProduct, PNG_1X1, tempDir } from "../../test/images.ts";
import type { Session } from "../context.ts";
import { createCloudinaryImageStorage } from "./cloudinary.ts";
import { createLocalImageStorage } from "./local.ts";
import type { ImageStorage } from "./storage.ts";
import { handleLocalUpload } from "./upload-handler.ts";

const t = useTestDb();
let uploads: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  uploads = await tempDir();
});
afterAll(() => uploads.cleanup());

/** A request as a browser sends it: multipart body with its Content-Length. */
async function multipart(fields: Record<string, string | Blob>, fileName = "runner.png"): Promise<Request> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, value, fileName);
  }
  const draft = new Request("http://pos.test/api/uploads", { method: "POST", body: form });
  const body = await draft.arrayBuffer();
  return new Request(draft.url, {
    method: "POST",
    body,
    headers: { "content-type": draft.headers.get("content-type") ?? "", "content-length": String(body.byteLength) },
  });
}

const pngBlob = (bytes: Uint8Array = PNG_1X1, type = "image/png") => new Blob([new Uint8Array(bytes)], { type });

async function upload(session: Session, fields: Record<string, string | Blob>, storage?: ImageStorage) {
  const response = await handleLocalUpload({
    request: await multipart(fields),
    session,
    db: t.db,
    storage: storage ?? createLocalImageStorage({ root: uploads.dir }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("local upload endpoint", () => {
  it("stores a manager's PNG and answers with its public id, like Cloudinary", async () => {
    const manager = await createUser(t.db, "MANAGER");
    const product = await createProduct(t.db);
    const { status, body } = await upload(sessionFor(manager), { productId: String(product.id), file: pngBlob() });
    expect(status).toBe(201);
    expect(body.public_id).toMatch(new RegExp(`^products/${product.id}/runner-[0-9a-f]{12}\\.png$`));
    expect(body.url).toBe(`/uploads/${String(body.public_id)}`);
    expect(existsSync(join(uploads.dir, String(body.public_id)))).toBe(true);
  });

  it("stores the store's logo or banner for an admin only", async () => {
    const admin = await createUser(t.db, "ADMIN");
    const { status, body } = await upload(sessionFor(admin), { owner: "store", file: pngBlob() });
    expect(status).toBe(201);
    expect(body.public_id).toMatch(/^store\/runner-[0-9a-f]{12}\.png$/);
    const manager = await createUser(t.db, "MANAGER");
    expect(await upload(sessionFor(manager), { owner: "store", file: pngBlob() })).toMatchObject({
      status: 403,
      body: { error: { message: "Only admins can upload the store's pictures." } },
    });
  });

  it("refuses anonymous callers, cashiers and accounts disabled since sign-in", async () => {
    const product = await createProduct(t.db);
    const fields = { productId: String(product.id), file: pngBlob() };
    expect((await upload(null, fields)).status).toBe(401);
    const cashier = await createUser(t.db, "CASHIER");
    expect(await upload(sessionFor(cashier), fields)).toMatchObject({
      status: 403,
      body: { error: { message: "Only managers and admins can upload images." } },
    });
    const manager = await createUser(t.db, "MANAGER", { active: false });
    expect((await upload(sessionFor(manager), fields)).status).toBe(401);
  });

  it("explains what is wrong with the request", async () => {
    const admin = sessionFor(await createUser(t.db, "ADMIN"));
    const product = await createProduct(t.db);
    const id = String(product.id);
    expect((await upload(admin, { productId: "999999", file: pngBlob() })).status).toBe(404);
    expect((await upload(admin, { productId: "abc", file: pngBlob() })).status).toBe(400);
    expect((await upload(admin, { productId: id })).body).toEqual({
      error: { message: "Attach the image in a `file` field." },
    });
    const svg = pngBlob(new TextEncoder().encode("<svg/>"), "image/svg+xml");
    const refused = await upload(admin, { productId: id, file: svg });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain("Use a JPEG, PNG, WebP or AVIF image");
  });

  it("refuses oversized or unsized bodies before reading them", async () => {
    const admin = sessionFor(await createUser(t.db, "ADMIN"));
    const storage = createLocalImageStorage({ root: uploads.dir });
    const send = (headers: Record<string, string>) =>
      handleLocalUpload({
        request: new Request("http://pos.test/api/uploads", { method: "POST", headers, body: "x" }),
        session: admin,
        db: t.db,
        storage,
      });
    expect((await send({ "content-length": String(9 * 1024 * 1024) })).status).toBe(413);
    expect((await send({})).status).toBe(411);
  });

  it("is closed when images go to Cloudinary", async () => {
    const admin = sessionFor(await createUser(t.db, "ADMIN"));
    const cloud = createCloudinaryImageStorage({
      cloudName: "demo",
      apiKey: "1",
      apiSecret: "s",
      signatureAlgorithm: "sha1",
      folder: "pos",
    });
    expect((await upload(admin, { productId: "1", file: pngBlob() }, cloud)).status).toBe(404);
  });
});
