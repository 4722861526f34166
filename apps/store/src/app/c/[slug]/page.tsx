import type { Metadata } from "next";
import { catalogParams, catalogQueryFromParams } from "@pos/validators";
import { keepCanonical } from "~/catalog/canonical";
import { CatalogListing } from "~/catalog/listing";
import { readListing, readShop } from "~/server/shop";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function load({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const query = catalogQueryFromParams(search, slug);
  return { query, page: await readListing(query) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { query, page } = await load(props);
  const name = page.trail.at(-1)?.name ?? "";
  const filtered = catalogParams({ ...query, page: 1 }).toString() !== "";
  return {
    title: name,
    alternates: { canonical: `/c/${query.category ?? ""}${query.page > 1 ? `?pagina=${query.page}` : ""}` },
    // Filtered variations of a category are for shoppers, not for the index.
    robots: filtered ? { index: false, follow: true } : undefined,
  };
}

export default async function CategoryPage(props: Props) {
  const [{ query, page }, shop, search] = await Promise.all([load(props), readShop(), props.searchParams]);
  keepCanonical(`/c/${query.category ?? ""}`, search, query);
  return (
    <CatalogListing
      path={`/c/${query.category ?? ""}`}
      title={page.trail.at(-1)?.name ?? ""}
      query={query}
      page={page}
      money={shop}
    />
  );
}
