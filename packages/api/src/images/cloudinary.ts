// Cloudinary storage through the official SDK. The browser uploads straight to Cloudinary with parameters
// this server signed, so image bytes never pass through our servers and the API secret never leaves them.
import { randomBytes } from "node:crypto";
import { v2 as cloudinary } from "cloudinary";
import { MAX_IMAGE_BYTES } from "@pos/validators";
import type { CloudinaryConfig } from "../env.ts";
import {
  assertUploadable,
  fileStem,
  inOwnerFolder,
  ownerFolder,
  ownerOf,
  STORE_FOLDER,
  type ImageOwner,
  type ImageStorage,
  type ImageTransform,
  type ImageUploadRequest,
  type UploadTicket,
} from "./storage.ts";

// Format names as Cloudinary knows them; Cloudinary refuses any other file even if the signature is valid.
const ALLOWED_FORMATS = "avif,jpg,png,webp";

export interface CloudinaryStorageOptions {
  /** Seconds since the epoch; injectable so tests can compare signatures. Signatures are valid for 1 hour. */
  now?: () => number;
  /** Random suffix of new public ids; injectable for the same reason. */
  randomSuffix?: () => string;
}

export interface CloudinaryImageStorage extends ImageStorage {
  readonly kind: "cloudinary";
  /** The exact parameters signed for an upload (without api_key and signature), for tests and debugging. */
  signedParams(request: ImageUploadRequest): Record<string, string>;
}

export function createCloudinaryImageStorage(
  config: CloudinaryConfig,
  options: CloudinaryStorageOptions = {},
): CloudinaryImageStorage {
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const randomSuffix = options.randomSuffix ?? (() => randomBytes(6).toString("hex"));
  // Passed on every call rather than through cloudinary.config(): the SDK's config is process-global and
  // also reads CLOUDINARY_URL by itself, and this module must behave the same whatever else configured it.
  const account = { cloud_name: config.cloudName, api_key: config.apiKey, api_secret: config.apiSecret };
  const prefixes = [`${config.folder}/products/`, `${config.folder}/${STORE_FOLDER}/`];

  function signedParams(request: ImageUploadRequest): Record<string, string> {
    assertUploadable(request.contentType, request.size);
    // The folder is part of the public id instead of a `folder` parameter: that means the same thing in
    // Cloudinary's fixed and dynamic folder modes, and the public id tells us which product it belongs to.
    const owner = ownerOf(request);
    const publicId = `${config.folder}/${ownerFolder(owner)}/${fileStem(request.fileName)}-${randomSuffix()}`;
    return {
      allowed_formats: ALLOWED_FORMATS,
      public_id: publicId,
      tags: owner === "store" ? "pos,store" : `pos,product-${owner}`,
      timestamp: String(now()),
    };
  }

  function sign(params: Record<string, string>): string {
    // The SDK's typings declare two parameters; the implementation takes the algorithm third, which is
    // the only way to pick SHA-256 without touching the global config.
    const apiSignRequest = cloudinary.utils.api_sign_request as (
      params: Record<string, string>,
      apiSecret: string,
      algorithm: string,
    ) => string;
    return apiSignRequest(params, config.apiSecret, config.signatureAlgorithm);
  }

  function assertOurs(publicId: string): void {
    if (!prefixes.some((prefix) => publicId.startsWith(prefix)) || publicId.split("/").includes("..")) {
      throw new Error(`Refusing to touch Cloudinary asset "${publicId}": it is outside ${prefixes.join(" and ")}.`);
    }
  }

  return {
    kind: "cloudinary",
    signedParams,

    prepareUpload(request: ImageUploadRequest): UploadTicket {
      const params = signedParams(request);
      return {
        kind: "cloudinary",
        uploadUrl: cloudinary.utils.api_url("upload", { ...account, resource_type: "image" }),
        fields: { ...params, api_key: config.apiKey, signature: sign(params) },
        fileField: "file",
        // Signed parameters cannot cap the byte size; Cloudinary applies the account's own upload limit,
        // and the form checks this one before sending.
        maxBytes: MAX_IMAGE_BYTES,
      };
    },

    isUploadFor(owner: ImageOwner, publicId: string): Promise<boolean> {
      // Existence cannot be checked without a network call to the Admin API; the signed public id carries the
      // owner, and a made-up id would simply render as a broken image.
      const prefix = `${config.folder}/`;
      return Promise.resolve(publicId.startsWith(prefix) && inOwnerFolder(owner, publicId.slice(prefix.length)));
    },

    publicUrl(publicId: string, transform: ImageTransform = {}): string {
      return cloudinary.url(publicId, {
        cloud_name: config.cloudName,
        secure: true,
        // No /v1/ segment: we store version-less public ids and always serve the latest upload.
        force_version: false,
        // The SDK appends an analytics query parameter by default; stored URLs should be stable and clean.
        urlAnalytics: false,
        transformation: [
          { width: transform.width, height: transform.height, crop: transform.crop },
          { fetch_format: "auto", quality: "auto" },
        ],
      });
    },

    async delete(publicId: string): Promise<void> {
      assertOurs(publicId);
      // The SDK reads credentials from these options too (its typings list only the destroy-specific ones).
      const destroyOptions = {
        ...account,
        signature_algorithm: config.signatureAlgorithm,
        resource_type: "image" as const,
        // Purge CDN copies too, so a removed picture stops being served within minutes rather than days.
        invalidate: true,
      };
      const result = (await cloudinary.uploader.destroy(publicId, destroyOptions)) as { result?: string };
      if (result.result !== "ok" && result.result !== "not found") {
        throw new Error(`Cloudinary could not delete "${publicId}": ${result.result ?? "no result"}.`);
      }
    },
  };
}
