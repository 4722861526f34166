import { describe, expect, it } from "vitest";
import { cloudinaryLoader, isCloudinary, optimizable } from "./image-source";

describe("picture sources", () => {
  const photo = "https://res.cloudinary.com/sur/image/upload/v1712/pos/products/42/remera.jpg";

  it("asks Cloudinary for the width next/image needs, in the browser's best format", () => {
    expect(isCloudinary(photo)).toBe(true);
    expect(cloudinaryLoader({ src: photo, width: 640 })).toBe(
      "https://res.cloudinary.com/sur/image/upload/f_auto,q_auto,c_limit,w_640/v1712/pos/products/42/remera.jpg",
    );
    expect(cloudinaryLoader({ src: photo, width: 96, quality: 60 })).toContain("/upload/f_auto,q_60,c_limit,w_96/");
  });

  it("resizes our own uploads, and leaves pictures on other hosts as they are", () => {
    expect(optimizable("/uploads/demo/remera.svg")).toBe(true);
    expect(isCloudinary("/uploads/demo/remera.svg")).toBe(false);
    expect(optimizable("https://img.example/banner.jpg")).toBe(false);
    expect(isCloudinary("https://res.cloudinary.com/sur/video/upload/v1/clip.mp4")).toBe(false);
  });
});
