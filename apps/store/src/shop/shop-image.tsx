"use client";

import Image, { type ImageProps } from "next/image";
import { cloudinaryLoader, isCloudinary, optimizable } from "./image-source";

/** next/image for any picture the shop has: Cloudinary resizes its own, Next ours, other hosts are left as they are. */
export function ShopImage(props: ImageProps & { src: string }) {
  if (isCloudinary(props.src)) return <Image {...props} loader={cloudinaryLoader} />;
  return <Image {...props} unoptimized={!optimizable(props.src)} />;
}
