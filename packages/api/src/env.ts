// The only reader of process.env in packages/api. Parsed on demand (not on import) so `next build` and tests
// that never touch images do not need any of it, and tests can pass their own source.
import { z } from "zod";
import { resolveUploadsDir } from "./uploads.ts";

export type SignatureAlgorithm = "sha1" | "sha256";

export interface CloudinaryConfig {
  cloudName: string;
  apiKey: string;
  apiSecret: string;
  /** SHA-1 is the SDK's default; accounts restricted to SHA-256 say so with `?signature_algorithm=sha256`. */
  signatureAlgorithm: SignatureAlgorithm;
  /** Prefix of every public id we create, so deletes can never reach assets this app did not upload. */
  folder: string;
}

export interface ApiEnv {
  /** Set when CLOUDINARY_URL is: images go to Cloudinary. Otherwise they are stored on local disk. */
  cloudinary: CloudinaryConfig | null;
  /** Absolute directory served at /uploads (see uploads.ts). */
  uploadsDir: string;
}

const emptyIsUnset = (value: unknown) => (value === "" ? undefined : value);

const schema = z.object({
  /** `cloudinary://<api_key>:<api_secret>@<cloud_name>`, as shown on the Cloudinary dashboard. */
  CLOUDINARY_URL: z.preprocess(emptyIsUnset, z.string().optional()),
  /** Folder (public id prefix) for product images on Cloudinary. */
  CLOUDINARY_FOLDER: z.preprocess(
    emptyIsUnset,
    z
      .string()
      .regex(/^[a-z0-9_-]+(\/[a-z0-9_-]+)*$/i, "use letters, digits, '-', '_' and '/' only")
      .default("pos"),
  ),
  /** Local image storage; relative paths count from the repository root. */
  POS_UPLOADS_DIR: z.preprocess(emptyIsUnset, z.string().optional()),
});

const CLOUDINARY_URL_HINT =
  "CLOUDINARY_URL must look like cloudinary://<api_key>:<api_secret>@<cloud_name> (copy it from the Cloudinary dashboard), or be left unset to store images on local disk.";

export function parseCloudinaryUrl(value: string, folder: string): CloudinaryConfig {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(CLOUDINARY_URL_HINT);
  }
  const apiKey = decodeURIComponent(url.username);
  const apiSecret = decodeURIComponent(url.password);
  const cloudName = url.hostname;
  if (url.protocol !== "cloudinary:" || !apiKey || !apiSecret || !cloudName) throw new Error(CLOUDINARY_URL_HINT);
  const algorithm = url.searchParams.get("signature_algorithm") ?? "sha1";
  if (algorithm !== "sha1" && algorithm !== "sha256") {
    throw new Error(`CLOUDINARY_URL: signature_algorithm must be sha1 or sha256, not "${algorithm}".`);
  }
  return { cloudName, apiKey, apiSecret, signatureAlgorithm: algorithm, folder };
}

export function readApiEnv(
  source: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): ApiEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment for @pos/api: ${problems}`);
  }
  const { CLOUDINARY_URL, CLOUDINARY_FOLDER, POS_UPLOADS_DIR } = parsed.data;
  return {
    cloudinary: CLOUDINARY_URL ? parseCloudinaryUrl(CLOUDINARY_URL, CLOUDINARY_FOLDER) : null,
    uploadsDir: resolveUploadsDir(POS_UPLOADS_DIR, cwd),
  };
}
