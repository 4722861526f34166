import type { MetadataRoute } from "next";
import { siteUrl } from "~/shop/site-url";

export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = await siteUrl();
  return {
    // Carts, checkout, order pages and the API are per shopper: nothing to index there.
    rules: { userAgent: "*", allow: "/", disallow: ["/carrito", "/checkout", "/pedido", "/api/"] },
    sitemap: new URL("/sitemap.xml", origin).toString(),
  };
}
