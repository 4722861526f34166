// One interface for where product (and store) images live. The browser always uploads in two steps — ask for a ticket,
// POST the file with the ticket's fields — so the admin form has one code path for Cloudinary and local disk.
import { IMAGE_CONTENT_TYPES, MAX_IMAGE_BYTES, type ImageContentType, type TImageUploadPrepare } from "@pos/validators";
import { DomainError } from "../errors.ts";

/** Whose picture it is: a product's (its id), or the store's own (its logo and storefront banners). */
export type ImageOwner = number | "store";

/** A product's upload (`productId`) or one of the store's (`store: true`). */
export type ImageOwnerRef = { productId: number } | { store: true };

export const ownerOf = (ref: ImageOwnerRef): ImageOwner => ("store" in ref ? "store" : ref.productId);

/** The content type stays a plain string: storages check it themselves rather than trust a caller's cast. */
export type ImageUploadRequest = Omit<TImageUploadPrepare, "contentType" | "productId"> & {
  contentType: string;
} & ImageOwnerRef;

/**
 * What the browser needs to upload one file: POST multipart to `uploadUrl` with every entry of `fields` and
 * the file under `fileField`. Both backends answer with JSON carrying `public_id`, which then goes to
 * `images.attach`.
 */
export interface UploadTicket {
  kind: "cloudinary" | "local";
  uploadUrl: string;
  fields: Readonly<Record<string, string>>;
  fileField: "file";
  maxBytes: number;
}

export interface ImageTransform {
  width?: number;
  height?: number;
  /** Cloudinary crop modes we use; ignored by local storage, which serves originals. */
  crop?: "fill" | "fit" | "limit" | "pad" | "thumb";
}

export interface ImageStorage {
  readonly kind: "cloudinary" | "local";
  prepareUpload(request: ImageUploadRequest): UploadTicket;
  /** Whether `publicId` is something this storage handed out for that owner (and, locally, exists). */
  isUploadFor(owner: ImageOwner, publicId: string): Promise<boolean>;
  publicUrl(publicId: string, transform?: ImageTransform): string;
  /** Removes the stored file; a file that is already gone is not an error. */
  delete(publicId: string): Promise<void>;
}

export interface StoredImage {
  publicId: string;
  url: string;
}

export interface LocalImageStorage extends ImageStorage {
  readonly kind: "local";
  readonly root: string;
  store(file: ImageOwnerRef & { fileName: string; contentType: string; bytes: Uint8Array }): Promise<StoredImage>;
}

export function isLocalStorage(storage: ImageStorage): storage is LocalImageStorage {
  return storage.kind === "local" && "store" in storage;
}

export function isImageContentType(value: string): value is ImageContentType {
  return (IMAGE_CONTENT_TYPES as readonly string[]).includes(value);
}

/** The checks both backends make before accepting a file, with messages a manager can act on. */
export function assertUploadable(contentType: string, size: number): asserts contentType is ImageContentType {
  if (!isImageContentType(contentType)) {
    throw new DomainError(
      "BAD_REQUEST",
      `Files of type "${contentType || "unknown"}" cannot be uploaded. Use a JPEG, PNG, WebP or AVIF image.`,
      { contentType },
    );
  }
  if (size <= 0) throw new DomainError("BAD_REQUEST", "The file is empty. Choose the image again.");
  if (size > MAX_IMAGE_BYTES) {
    const megabytes = (size / 1024 / 1024).toFixed(1);
    throw new DomainError(
      "BAD_REQUEST",
      `The image is ${megabytes} MB; the limit is 8 MB. Resize or compress it and try again.`,
      { size, maxBytes: MAX_IMAGE_BYTES },
    );
  }
}

/**
 * A readable, URL-safe stem from the uploader's file name ("Runner Azul (2).JPG" → "runner-azul-2"). Only a
 * hint for people browsing the files: uniqueness and safety come from the random suffix and the fixed folder.
 */
export function fileStem(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, "");
  const stem = base
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return stem || "image";
}

/** Public id folder of one product's uploads, shared by both backends so the rule lives in one place. */
export const productFolder = (productId: number) => `products/${productId}`;

/** The store's own pictures (logo, banners) live beside the products', never inside one of them. */
export const STORE_FOLDER = "store";

export const ownerFolder = (owner: ImageOwner) => (owner === "store" ? STORE_FOLDER : productFolder(owner));

/** Whether a public id (without any storage prefix) is a file directly inside the owner's folder. */
export function inOwnerFolder(owner: ImageOwner, publicId: string): boolean {
  const folder = `${ownerFolder(owner)}/`;
  const rest = publicId.slice(folder.length);
  return publicId.startsWith(folder) && rest.length > 0 && !rest.includes("/");
}
