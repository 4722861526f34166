import { describe, expect, it } from "vitest";
import { MAX_IMAGE_BYTES, ZImageAttach, ZImageReorder, ZImageUploadPrepare } from "./images.ts";

describe("image input schemas", () => {
  it("accept the public ids both storages hand out", () => {
    for (const publicId of ["products/12/runner-azul-3f9a1c.png", "pos/products/12/runner-azul-3f9a1c"]) {
      expect(ZImageAttach.parse({ productId: 12, publicId })).toEqual({ productId: 12, publicId, alt: "" });
    }
  });

  it.each(["../secret.png", "products/../../x", "/etc/passwd", "a//b", "a/b?x=1", "a\\b", ".hidden"])(
    "refuse the public id %j",
    (publicId) => {
      expect(ZImageAttach.safeParse({ productId: 1, publicId }).success).toBe(false);
    },
  );

  it("refuse SVG, empty and oversized uploads with a readable message", () => {
    const base = { productId: 1, fileName: "a.png", contentType: "image/png", size: 10 };
    expect(ZImageUploadPrepare.safeParse(base).success).toBe(true);
    const svg = ZImageUploadPrepare.safeParse({ ...base, contentType: "image/svg+xml" });
    expect(svg.error?.issues[0]?.message).toBe("Upload a JPEG, PNG, WebP or AVIF image.");
    expect(ZImageUploadPrepare.safeParse({ ...base, size: 0 }).error?.issues[0]?.message).toBe("The file is empty.");
    expect(ZImageUploadPrepare.safeParse({ ...base, size: MAX_IMAGE_BYTES + 1 }).error?.issues[0]?.message).toMatch(
      /at most 8 MB/,
    );
  });

  it("refuse a reorder that repeats an image", () => {
    expect(ZImageReorder.safeParse({ productId: 1, imageIds: [3, 3] }).success).toBe(false);
  });
});
