// The only reader of process.env in apps/store (the database URL is read by @pos/db/env).
import { z } from "zod";
import { resolveUploadsDir } from "@pos/api/store";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Local image storage; relative paths count from the repository root. */
  POS_UPLOADS_DIR: z.string().min(1).optional(),
  /** The storefront's public address (https://tienda.example), for canonical links, OpenGraph and the sitemap. */
  STORE_PUBLIC_URL: z.url().optional(),
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  throw new Error(`Invalid environment for apps/store: ${problems}`);
}

export const env = {
  production: parsed.data.NODE_ENV === "production",
  uploadsDir: resolveUploadsDir(parsed.data.POS_UPLOADS_DIR, process.cwd()),
  publicUrl: parsed.data.STORE_PUBLIC_URL,
} as const;
