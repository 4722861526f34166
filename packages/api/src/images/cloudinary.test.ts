// No network here: the Cloudinary storage is checked by what it signs and the URLs it builds, against the
// documented signing rule (computed independently below) and against the SDK's own signer.
import { createHash } from "node:crypto";
import { v2 as cloudinary } from "cloudinary";
import { describe, expect, it } from "vitest";
import type { CloudinaryConfig, SignatureAlgorithm } from "../env.ts";
import { createCloudinaryImageStorage } from "./cloudinary.ts";

const config: CloudinaryConfig = {
  cloudName: "demo-shop",
  apiKey: "1234",
  apiSecret: "abcd",
  signatureAlgorithm: "sha1",
  folder: "pos",
};
const TIMESTAMP = 1315060510;
const storageWith = (overrides: Partial<CloudinaryConfig> = {}) =>
  createCloudinaryImageStorage({ ...config, ...overrides }, { now: () => TIMESTAMP, randomSuffix: () => "3f9a1c" });
const request = { productId: 12, fileName: "Runner Azul.JPG", contentType: "image/jpeg", size: 250_000 } as const;

// Cloudinary's "Generating authentication signatures": every parameter except file, cloud_name,
// resource_type and api_key, sorted by name, as name=value joined with "&", then the API secret appended,
// then a hex SHA digest.
const UNSIGNED = new Set(["file", "cloud_name", "resource_type", "api_key", "signature"]);
function documentedSignature(fields: Record<string, string>, secret: string, algorithm: SignatureAlgorithm): string {
  const toSign = Object.keys(fields)
    .filter((name) => !UNSIGNED.has(name))
    .sort()
    .map((name) => `${name}=${fields[name] ?? ""}`)
    .join("&");
  return createHash(algorithm)
    .update(toSign + secret)
    .digest("hex");
}

describe("the documented signing rule, as reimplemented here", () => {
  it("reproduces Cloudinary's published example", () => {
    // From Cloudinary's support article "How to generate a Cloudinary signature on my own".
    expect(documentedSignature({ public_id: "sample_image", timestamp: "1315060510" }, "abcd", "sha1")).toBe(
      "b4ad47fb4e25c7bf5f92a20089f9db59bc302313",
    );
  });
});

describe("Cloudinary upload tickets", () => {
  it("sign exactly the fields the browser will send, with SHA-1 by default", () => {
    const ticket = storageWith().prepareUpload(request);
    expect(ticket.kind).toBe("cloudinary");
    expect(ticket.uploadUrl).toBe("https://api.cloudinary.com/v1_1/demo-shop/image/upload");
    const { signature, ...sent } = ticket.fields;
    expect(sent).toEqual({
      allowed_formats: "avif,jpg,png,webp",
      public_id: "pos/products/12/runner-azul-3f9a1c",
      tags: "pos,product-12",
      timestamp: String(TIMESTAMP),
      api_key: "1234",
    });
    expect(signature).toMatch(/^[0-9a-f]{40}$/);
    expect(ticket.fields.signature).toBe(documentedSignature({ ...ticket.fields }, "abcd", "sha1"));
  });

  it("agree with the SDK's api_sign_request", () => {
    const storage = storageWith();
    const params = storage.signedParams(request);
    expect(storage.prepareUpload(request).fields.signature).toBe(cloudinary.utils.api_sign_request(params, "abcd"));
  });

  it("use SHA-256 when the account is configured for it", () => {
    const fields = storageWith({ signatureAlgorithm: "sha256" }).prepareUpload(request).fields;
    expect(fields.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(fields.signature).toBe(documentedSignature({ ...fields }, "abcd", "sha256"));
  });

  it("stop matching when the browser alters a signed field or the secret differs", () => {
    const fields = storageWith().prepareUpload(request).fields;
    const tampered = { ...fields, public_id: "pos/products/13/someone-else" };
    expect(documentedSignature(tampered, "abcd", "sha1")).not.toBe(fields.signature);
    expect(documentedSignature({ ...fields }, "other-secret", "sha1")).not.toBe(fields.signature);
  });

  it("refuse SVG and oversized files before signing anything", () => {
    const storage = storageWith();
    expect(() => storage.prepareUpload({ ...request, contentType: "image/svg+xml" })).toThrow(
      /Use a JPEG, PNG, WebP or AVIF image/,
    );
    expect(() => storage.prepareUpload({ ...request, size: 9 * 1024 * 1024 })).toThrow(/limit is 8 MB/);
  });
});

describe("Cloudinary delivery URLs", () => {
  const storage = storageWith();
  const id = "pos/products/12/runner-azul-3f9a1c";

  it("carry the cloud name, automatic format and quality, and no version or analytics", () => {
    const url = storage.publicUrl(id);
    expect(url).toBe(`https://res.cloudinary.com/demo-shop/image/upload/f_auto,q_auto/${id}`);
    expect(url).not.toMatch(/\/v\d+\//);
    expect(url).not.toContain("?");
  });

  it("put the resize before the format and quality step", () => {
    expect(storage.publicUrl(id, { width: 400, height: 300, crop: "fill" })).toBe(
      `https://res.cloudinary.com/demo-shop/image/upload/c_fill,h_300,w_400/f_auto,q_auto/${id}`,
    );
    expect(storage.publicUrl(id, { width: 96 })).toContain("/upload/w_96/f_auto,q_auto/");
  });
});

describe("Cloudinary ownership", () => {
  const storage = storageWith();

  it("recognises only public ids it handed out for that product", async () => {
    await expect(storage.isUploadFor(12, "pos/products/12/runner-3f9a1c")).resolves.toBe(true);
    await expect(storage.isUploadFor(13, "pos/products/12/runner-3f9a1c")).resolves.toBe(false);
    await expect(storage.isUploadFor(12, "other/products/12/runner")).resolves.toBe(false);
    await expect(storage.isUploadFor(12, "pos/products/12/nested/runner")).resolves.toBe(false);
    await expect(storage.isUploadFor(12, "pos/products/12/")).resolves.toBe(false);
  });

  it("keeps the store's own pictures (logo, banners) in a folder of their own", async () => {
    const params = storage.signedParams({ store: true, fileName: "Logo.png", contentType: "image/png", size: 10 });
    expect(params).toMatchObject({ public_id: "pos/store/logo-3f9a1c", tags: "pos,store" });
    await expect(storage.isUploadFor("store", "pos/store/logo-3f9a1c")).resolves.toBe(true);
    await expect(storage.isUploadFor("store", "pos/products/12/runner-3f9a1c")).resolves.toBe(false);
    await expect(storage.isUploadFor(12, "pos/store/logo-3f9a1c")).resolves.toBe(false);
  });

  it("refuses to delete assets outside its folder, without calling Cloudinary", async () => {
    await expect(storage.delete("samples/landscape")).rejects.toThrow(/outside pos\/products\//);
    await expect(storage.delete("pos/products/../secrets")).rejects.toThrow(/outside/);
  });
});
