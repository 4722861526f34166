import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { catalogQueryFromParams } from "@pos/validators";
import { keepCanonical } from "~/catalog/canonical";
import { CatalogListing } from "~/catalog/listing";
import { readListing, readShop } from "~/server/shop";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [query, t] = await Promise.all([
    searchParams.then((search) => catalogQueryFromParams(search)),
    getTranslations("listing"),
  ]);
  return {
    title: query.q ? t("searchFor", { q: query.q }) : t("allProducts"),
    robots: query.q ? { index: false, follow: true } : undefined,
    alternates: { canonical: "/buscar" },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const search = await searchParams;
  const query = catalogQueryFromParams(search);
  keepCanonical("/buscar", search, query);
  const [page, shop, t] = await Promise.all([readListing(query), readShop(), getTranslations("listing")]);
  return (
    <CatalogListing
      path="/buscar"
      title={query.q ? t("searchFor", { q: query.q }) : t("allProducts")}
      query={query}
      page={page}
      money={shop}
    />
  );
}
