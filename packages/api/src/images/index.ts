// Picks the image storage from the environment: Cloudinary when CLOUDINARY_URL is set, local disk otherwise.
import { readApiEnv, type ApiEnv } from "../env.ts";
import { createCloudinaryImageStorage } from "./cloudinary.ts";
import { createLocalImageStorage } from "./local.ts";
import type { ImageStorage } from "./storage.ts";

export { createCloudinaryImageStorage, type CloudinaryImageStorage } from "./cloudinary.ts";
export { createLocalImageStorage, LOCAL_UPLOAD_ROUTE } from "./local.ts";
export { handleLocalUpload, type LocalUploadRequest } from "./upload-handler.ts";
export type {
  ImageStorage,
  ImageTransform,
  LocalImageStorage,
  StoredImage,
  ImageUploadRequest,
  UploadTicket,
} from "./storage.ts";

export function createImageStorage(env: Pick<ApiEnv, "cloudinary" | "uploadsDir">): ImageStorage {
  return env.cloudinary
    ? createCloudinaryImageStorage(env.cloudinary)
    : createLocalImageStorage({ root: env.uploadsDir });
}

let fromEnv: ImageStorage | undefined;

/** The process's storage, built from the environment on first use (so importing this needs no settings). */
export function defaultImageStorage(): ImageStorage {
  fromEnv ??= createImageStorage(readApiEnv());
  return fromEnv;
}
