import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readApiEnv } from "./env.ts";
import { createImageStorage } from "./images/index.ts";

const cwd = join(import.meta.dirname, "..");

describe("readApiEnv", () => {
  it("stores images locally when CLOUDINARY_URL is unset or empty", () => {
    for (const source of [{}, { CLOUDINARY_URL: "" }]) {
      const env = readApiEnv(source, cwd);
      expect(env.cloudinary).toBeNull();
      expect(env.uploadsDir).toBe(join(cwd, "..", "..", ".data", "uploads"));
      expect(createImageStorage(env).kind).toBe("local");
    }
    expect(readApiEnv({ POS_UPLOADS_DIR: "/srv/images" }, cwd).uploadsDir).toBe("/srv/images");
  });

  it("parses CLOUDINARY_URL into credentials and picks Cloudinary", () => {
    const env = readApiEnv({ CLOUDINARY_URL: "cloudinary://123456:s3cr%2Ft@demo-shop" }, cwd);
    expect(env.cloudinary).toEqual({
      cloudName: "demo-shop",
      apiKey: "123456",
      apiSecret: "s3cr/t",
      signatureAlgorithm: "sha1",
      folder: "pos",
    });
    expect(createImageStorage(env).kind).toBe("cloudinary");
    const sha256 = readApiEnv(
      { CLOUDINARY_URL: "cloudinary://1:2@shop?signature_algorithm=sha256", CLOUDINARY_FOLDER: "tienda/prod" },
      cwd,
    );
    expect(sha256.cloudinary).toMatchObject({ signatureAlgorithm: "sha256", folder: "tienda/prod" });
  });

  it.each([
    ["https://123:abc@demo", /cloudinary:\/\/<api_key>:<api_secret>@<cloud_name>/],
    ["cloudinary://demo", /cloudinary:\/\/<api_key>:<api_secret>@<cloud_name>/],
    ["not a url", /copy it from the Cloudinary dashboard/],
    ["cloudinary://1:2@demo?signature_algorithm=md5", /sha1 or sha256, not "md5"/],
  ])("explains a malformed CLOUDINARY_URL (%s)", (value, message) => {
    expect(() => readApiEnv({ CLOUDINARY_URL: value }, cwd)).toThrow(message);
  });

  it("refuses a folder that could not be a public id prefix", () => {
    expect(() => readApiEnv({ CLOUDINARY_FOLDER: "../up" }, cwd)).toThrow(/CLOUDINARY_FOLDER/);
  });
});
