import { describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { createCaller } from "../index.ts";
import { anonymous, as, createUser } from "../../test/factories.ts";
import { createProduct } from "../../test/images.ts";

const t = useTestDb();

const prepare = (productId: number) =>
  ({ productId, fileName: "runner.png", contentType: "image/png", size: 1024 }) as const;

describe("images router", () => {
  it("lets managers and admins list images and prepare uploads", async () => {
    const product = await createProduct(t.db);
    for (const role of ["MANAGER", "ADMIN"] as const) {
      const caller = createCaller(as(t.db, await createUser(t.db, role)));
      expect(await caller.images.list({ productId: product.id })).toEqual([]);
      // No CLOUDINARY_URL in tests: the ticket points at the app's local upload route.
      expect(await caller.images.prepareUpload(prepare(product.id))).toMatchObject({
        kind: "local",
        uploadUrl: "/api/uploads",
        fields: { productId: String(product.id) },
      });
    }
  });

  it("refuses cashiers with FORBIDDEN and anonymous callers with UNAUTHORIZED", async () => {
    const product = await createProduct(t.db);
    const cashier = createCaller(as(t.db, await createUser(t.db, "CASHIER")));
    const nobody = createCaller(anonymous(t.db));
    for (const [caller, code] of [
      [cashier, "FORBIDDEN"],
      [nobody, "UNAUTHORIZED"],
    ] as const) {
      await expect(caller.images.list({ productId: product.id })).rejects.toMatchObject({ code });
      await expect(caller.images.prepareUpload(prepare(product.id))).rejects.toMatchObject({ code });
      await expect(caller.images.attach({ productId: product.id, publicId: "products/1/x.png" })).rejects.toMatchObject(
        { code },
      );
      await expect(caller.images.reorder({ productId: product.id, imageIds: [1] })).rejects.toMatchObject({ code });
      await expect(caller.images.updateAlt({ imageId: 1, alt: "x" })).rejects.toMatchObject({ code });
      await expect(caller.images.remove({ imageId: 1 })).rejects.toMatchObject({ code });
    }
  });

  it("maps refusals to tRPC codes a form can show", async () => {
    const manager = createCaller(as(t.db, await createUser(t.db, "MANAGER")));
    await expect(manager.images.prepareUpload(prepare(999_999))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      manager.images.prepareUpload({ ...prepare(1), contentType: "image/svg+xml" as "image/png" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      manager.images.attach({ productId: 1, publicId: "products/1/../../../etc/passwd" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
