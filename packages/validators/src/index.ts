export * from "./money.ts";
export * from "./ean13.ts";
export * from "./images.ts";
