import type { MetadataRoute } from "next";
import { storeCaller } from "~/server/caller";
import { siteUrl } from "~/shop/site-url";

// Built per request from the live catalogue: a build has no database, and a sitemap baked at build time would miss
// every product added since.
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [origin, { categories, products }] = await Promise.all([siteUrl(), storeCaller().catalog.sitemap()]);
  const at = (path: string) => new URL(path, origin).toString();
  return [
    { url: at("/"), changeFrequency: "daily", priority: 1 },
    ...categories.map((row) => ({
      url: at(`/c/${row.slug}`),
      lastModified: row.updatedAt,
      changeFrequency: "daily" as const,
    })),
    ...products.map((row) => ({
      url: at(`/p/${row.slug}`),
      lastModified: row.updatedAt,
      changeFrequency: "weekly" as const,
    })),
  ];
}
