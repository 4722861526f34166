// The store's own pictures (its logo and storefront banners), uploaded the way product pictures are: a ticket
// for the storage the server uses (Cloudinary or local disk), the browser posts the file, then the upload's
// public id is checked and turned into the address the setting stores. Nothing is saved until the form is.
import type { TStoreImageAttach, TStoreImageUploadPrepare } from "@pos/validators";
import { DomainError } from "../../errors.ts";
import type { ImageStorage, UploadTicket } from "../../images/storage.ts";

export function prepareStoreImageUpload(input: TStoreImageUploadPrepare, storage: ImageStorage): UploadTicket {
  return storage.prepareUpload({ ...input, store: true });
}

export async function storeImageUrl(input: TStoreImageAttach, storage: ImageStorage): Promise<{ url: string }> {
  if (!(await storage.isUploadFor("store", input.publicId))) {
    throw new DomainError(
      "BAD_REQUEST",
      `"${input.publicId}" is not an upload of the store's pictures. Upload the image again from the settings.`,
      { publicId: input.publicId },
    );
  }
  return { url: storage.publicUrl(input.publicId) };
}
