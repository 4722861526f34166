// The local-disk counterpart of Cloudinary's upload endpoint: takes a multipart POST (the fields of a local
// upload ticket plus the file) and answers like Cloudinary does, with `public_id`. Framework-free like
// serveUpload, so apps/pos's route is a few lines and this is tested without Next.
import type { Db, Role } from "@pos/db";
import { MAX_IMAGE_BYTES } from "@pos/validators";
import type { Session } from "../context.ts";
import { httpStatusOf, isDomainError } from "../errors.ts";
import { assertCanAddImage } from "../services/images.ts";
import { loadStaffProfile } from "../services/staff.ts";
import { isLocalStorage, type ImageOwnerRef, type ImageStorage } from "./storage.ts";

export interface LocalUploadRequest {
  request: Request;
  session: Session;
  db: Db;
  storage: ImageStorage;
}

const UPLOADERS: readonly Role[] = ["MANAGER", "ADMIN"];
// Multipart boundaries and the other fields add a little to the file's own bytes.
const MAX_BODY_BYTES = MAX_IMAGE_BYTES + 64 * 1024;

const reply = (status: number, body: Record<string, unknown>) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
const refuse = (status: number, message: string) => reply(status, { error: { message } });

export async function handleLocalUpload({ request, session, db, storage }: LocalUploadRequest): Promise<Response> {
  if (request.method !== "POST") return refuse(405, "Upload images with POST.");
  if (!session) return refuse(401, "Sign in to continue.");
  try {
    // The role is read from the database, not the token: a manager demoted since sign-in loses this at once.
    const profile = await loadStaffProfile(db, session.user.id);
    if (!UPLOADERS.includes(profile.role)) return refuse(403, "Only managers and admins can upload images.");
    if (!isLocalStorage(storage)) {
      return refuse(404, "Images are uploaded to Cloudinary directly; ask images.prepareUpload for a ticket.");
    }
    // Checked before reading the body, which formData() would otherwise buffer whole, however large.
    const length = Number(request.headers.get("content-length") ?? Number.NaN);
    if (!Number.isFinite(length)) return refuse(411, "Send the upload with a Content-Length header.");
    if (length > MAX_BODY_BYTES) return refuse(413, "Images may be at most 8 MB; resize or compress it and try again.");

    let form: FormData;
    try {
      // Deprecated in undici's typings because it buffers the whole body; the Content-Length cap above is
      // what makes that acceptable here.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      form = await request.formData();
    } catch {
      return refuse(400, "Send the image as multipart/form-data with a `file` field.");
    }
    const file = form.get("file");
    if (!(file instanceof File)) return refuse(400, "Attach the image in a `file` field.");
    let owner: ImageOwnerRef;
    if (form.get("owner") === "store") {
      // The store's logo and banners are store configuration: admins only (domain rule 7).
      if (profile.role !== "ADMIN") return refuse(403, "Only admins can upload the store's pictures.");
      owner = { store: true };
    } else {
      const productId = Number(form.get("productId"));
      if (!Number.isSafeInteger(productId) || productId <= 0) return refuse(400, "Say which product: `productId`.");
      await assertCanAddImage(db, productId);
      owner = { productId };
    }
    const stored = await storage.store({
      ...owner,
      fileName: file.name,
      contentType: file.type,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return reply(201, { public_id: stored.publicId, url: stored.url });
  } catch (error) {
    if (isDomainError(error))
      return reply(httpStatusOf[error.code], { error: { message: error.message, details: error.details } });
    throw error;
  }
}
