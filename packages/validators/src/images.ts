// Product image inputs, shared by the images router and the admin's upload form so both refuse the same files.
import { z } from "zod";

/**
 * What staff may upload. SVG is deliberately absent: it is a document that can carry script, and nothing
 * here sanitises it. The seed's own SVG pictures are written to disk directly and never pass through this.
 */
export const IMAGE_CONTENT_TYPES = ["image/jpeg", "image/png", "image/webp", "image/avif"] as const;
export type ImageContentType = (typeof IMAGE_CONTENT_TYPES)[number];

/** Large enough for a phone photo, small enough to keep a multipart body comfortably in memory. */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

/** A product page rarely needs more; the cap keeps a runaway script from filling storage under one product. */
export const MAX_IMAGES_PER_PRODUCT = 12;

const id = z.number().int().positive();

// Storage-relative paths like "products/12/runner-3f9a1c.png" or "pos/products/12/3f9a1c": plain segments
// only, so a public id can never climb out of the uploads directory or smuggle a query string.
export const ZImagePublicId = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/, {
    message: "Use the public id returned by the upload (letters, digits, '-', '_', '.', '/').",
  })
  .refine((value) => !value.split("/").includes(".."), { message: "A public id cannot contain '..'." });

const alt = z.string().trim().max(300, { message: "Keep the description under 300 characters." });

export const ZImageContentType = z.enum(IMAGE_CONTENT_TYPES, {
  message: "Upload a JPEG, PNG, WebP or AVIF image.",
});

export const ZImageUploadPrepare = z.object({
  productId: id,
  fileName: z.string().trim().min(1).max(200),
  contentType: ZImageContentType,
  size: z
    .number()
    .int()
    .positive({ message: "The file is empty." })
    .max(MAX_IMAGE_BYTES, { message: "Images may be at most 8 MB; resize or compress it and try again." }),
});
export type TImageUploadPrepare = z.infer<typeof ZImageUploadPrepare>;

export const ZImageAttach = z.object({ productId: id, publicId: ZImagePublicId, alt: alt.default("") });
export type TImageAttach = z.input<typeof ZImageAttach>;

export const ZImageReorder = z.object({
  productId: id,
  /** Every image of the product, in the new order. */
  imageIds: z
    .array(id)
    .min(1)
    .max(MAX_IMAGES_PER_PRODUCT)
    .refine((ids) => new Set(ids).size === ids.length, { message: "Each image may appear only once." }),
});
export type TImageReorder = z.infer<typeof ZImageReorder>;

export const ZImageAltUpdate = z.object({ imageId: id, alt });
export type TImageAltUpdate = z.infer<typeof ZImageAltUpdate>;

export const ZImageRemove = z.object({ imageId: id });
export type TImageRemove = z.infer<typeof ZImageRemove>;

export const ZImageList = z.object({ productId: id });
export type TImageList = z.infer<typeof ZImageList>;
