"use client";

import Image, { type ImageProps } from "next/image";
import { cloudinaryLoader, isCloudinary, optimizable } from "./image-source";

/** next/image for any picture the shop has: Cloudinary resizes its own, Next ours, other hosts are left as they are. */
export function ShopImage({ fetchPriority, ...rest }: ImageProps & { src: string }) {
  // A picture worth preloading is the one the page is judged by (its largest paint): the browser should fetch it
  // ahead of the scripts, which it otherwise does not for a preloaded image.
  const props = { ...rest, fetchPriority: fetchPriority ?? (rest.preload ? "high" : undefined) } as const;
  if (isCloudinary(props.src)) return <Image {...props} loader={cloudinaryLoader} />;
  return <Image {...props} unoptimized={!optimizable(props.src)} />;
}
