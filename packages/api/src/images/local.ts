// Images on local disk, for development and single-server installs. Files land under the directory that
// uploads.ts serves at /uploads, so a stored file is reachable the moment it is written.
import { randomBytes } from "node:crypto";
import { mkdir, realpath, rm, stat, writeFile } from "node:fs/promises";
import { dirname, resolve, sep } from "node:path";
import { MAX_IMAGE_BYTES, type ImageContentType } from "@pos/validators";
import { DomainError } from "../errors.ts";
import {
  assertUploadable,
  fileStem,
  inOwnerFolder,
  ownerFolder,
  ownerOf,
  type ImageOwner,
  type LocalImageStorage,
  type StoredImage,
  type ImageUploadRequest,
  type UploadTicket,
} from "./storage.ts";

/** The app route that accepts local uploads (apps/pos/src/app/api/uploads/route.ts). */
export const LOCAL_UPLOAD_ROUTE = "/api/uploads";
const PUBLIC_PREFIX = "/uploads";

const extensions: Readonly<Record<ImageContentType, string>> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/avif": "avif",
};

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/**
 * Whether the bytes start like the declared type. The browser's content type is only the file name's
 * extension; checking the signature keeps an HTML page renamed to .png from being stored as an image.
 */
export function looksLike(contentType: ImageContentType, bytes: Uint8Array): boolean {
  switch (contentType) {
    case "image/png":
      return [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => bytes[i] === byte);
    case "image/jpeg":
      return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    case "image/webp":
      return ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP";
    case "image/avif":
      return ascii(bytes, 4, 8) === "ftyp" && ["avif", "avis"].includes(ascii(bytes, 8, 12));
  }
}

function badPath(publicId: string): DomainError {
  return new DomainError("BAD_REQUEST", `"${publicId}" is not a stored image path. Use the id the upload returned.`, {
    publicId,
  });
}

/** Plain relative segments only: no "..", no hidden files, no absolute paths, no backslashes or NULs. */
function segmentsOf(publicId: string): string[] {
  const segments = publicId.split("/");
  const safe = (s: string) => s.length > 0 && !s.startsWith(".") && !/[\\\0:]/.test(s);
  if (!segments.every(safe)) throw badPath(publicId);
  return segments;
}

export function createLocalImageStorage(options: { root: string }): LocalImageStorage {
  const root = resolve(options.root);

  /** The absolute file for a public id, refusing anything that would resolve outside the root. */
  function fileOf(publicId: string): string {
    const file = resolve(root, ...segmentsOf(publicId));
    if (!file.startsWith(root + sep)) throw badPath(publicId);
    return file;
  }

  function publicUrl(publicId: string): string {
    // Originals only: resizing locally would need an image library, and local storage is for development.
    return `${PUBLIC_PREFIX}/${segmentsOf(publicId).map(encodeURIComponent).join("/")}`;
  }

  async function insideRealRoot(file: string): Promise<boolean> {
    // A symlinked directory inside the root could point elsewhere; compare real paths before touching it.
    try {
      return (await realpath(file)).startsWith((await realpath(root)) + sep);
    } catch {
      return false;
    }
  }

  return {
    kind: "local",
    root,

    prepareUpload(request: ImageUploadRequest): UploadTicket {
      assertUploadable(request.contentType, request.size);
      return {
        kind: "local",
        uploadUrl: LOCAL_UPLOAD_ROUTE,
        fields: "store" in request ? { owner: "store" } : { productId: String(request.productId) },
        fileField: "file",
        maxBytes: MAX_IMAGE_BYTES,
      };
    },

    async store({ fileName, contentType, bytes, ...owner }): Promise<StoredImage> {
      assertUploadable(contentType, bytes.byteLength);
      if (!looksLike(contentType, bytes)) {
        throw new DomainError(
          "BAD_REQUEST",
          `The file does not look like a ${extensions[contentType].toUpperCase()} image. Export it again as JPEG, PNG, WebP or AVIF.`,
          { contentType },
        );
      }
      const name = `${fileStem(fileName)}-${randomBytes(6).toString("hex")}.${extensions[contentType]}`;
      const publicId = `${ownerFolder(ownerOf(owner))}/${name}`;
      const file = fileOf(publicId);
      await mkdir(dirname(file), { recursive: true });
      // "wx": never overwrite. The random suffix makes a clash practically impossible; if one happens the
      // upload fails loudly instead of replacing another owner's picture.
      await writeFile(file, bytes, { flag: "wx" });
      return { publicId, url: publicUrl(publicId) };
    },

    async isUploadFor(owner: ImageOwner, publicId: string): Promise<boolean> {
      if (!inOwnerFolder(owner, publicId)) return false;
      try {
        const file = fileOf(publicId);
        return (await stat(file)).isFile() && (await insideRealRoot(file));
      } catch {
        return false;
      }
    },

    publicUrl,

    async delete(publicId: string): Promise<void> {
      const file = fileOf(publicId);
      try {
        await stat(file);
      } catch {
        return;
      }
      if (!(await insideRealRoot(file))) throw badPath(publicId);
      await rm(file, { force: true });
    },
  };
}
