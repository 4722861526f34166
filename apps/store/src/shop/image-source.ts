// Where a picture can be resized: our own uploads through Next's optimizer, Cloudinary's by Cloudinary itself
// (a transformation in the URL, so the storefront's server never fetches them), anything else as it is.

const CLOUDINARY_UPLOAD = /^https:\/\/res\.cloudinary\.com\/[^/]+\/image\/upload\//;

export function isCloudinary(url: string): boolean {
  return CLOUDINARY_UPLOAD.test(url);
}

/** next/image's loader for Cloudinary pictures: the width asked for, the best format and quality for the browser. */
export function cloudinaryLoader({ src, width, quality }: { src: string; width: number; quality?: number }): string {
  const transform = `f_auto,q_${quality ?? "auto"},c_limit,w_${width}`;
  return src.replace("/image/upload/", `/image/upload/${transform}/`);
}

/** Our uploads ("/uploads/…") go through Next's optimizer; an admin's banner or logo on another host is shown as is. */
export function optimizable(url: string): boolean {
  return url.startsWith("/");
}
