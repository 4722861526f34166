import { headers } from "next/headers";
import { env } from "~/env";

/**
 * The storefront's public origin, for canonical links, OpenGraph and the sitemap: STORE_PUBLIC_URL when the
 * deployment sets it, else the host the request came to (right behind a proxy that forwards it).
 */
export async function siteUrl(): Promise<URL> {
  if (env.publicUrl) return new URL(env.publicUrl);
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost:3001";
  const local = /^(localhost|127\.|\[::1\])/.test(host);
  return new URL(`${list.get("x-forwarded-proto") ?? (local ? "http" : "https")}://${host}`);
}
