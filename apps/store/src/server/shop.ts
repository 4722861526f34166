// Storefront reads. The catalog (listings, product pages, the home's shelf) is shared between shoppers for
// CATALOG_SECONDS, so a busy category is one query per half minute rather than one per visit; a product page's
// sizes are then corrected by stock.onChange's first `sync` as the page opens and follow every sale after that.
// The shop front (open or closed, banners, menus) is read on every request: closing the store shows at once.
// Each is read once per request however many components ask (layout, page, metadata).
import { cache } from "react";
import { unstable_cache } from "next/cache";
import type { TCatalogListParsed } from "@pos/validators";
import { storeCaller } from "./caller";
import { orNotFound } from "./not-found";

/** How long a shared catalog read is served before it is read again. */
export const CATALOG_SECONDS = 30;
const shared = { revalidate: CATALOG_SECONDS, tags: ["catalog"] };

export const readShop = cache(() => storeCaller().catalog.shop());

// Keyed by the query's JSON: both caches compare arguments by value only as strings.
const listing = unstable_cache(
  (key: string) => storeCaller().catalog.list(JSON.parse(key) as TCatalogListParsed),
  ["catalog.list"],
  shared,
);
const listingThisRequest = cache((key: string) => orNotFound(listing(key)));
export const readListing = (query: TCatalogListParsed) => listingThisRequest(JSON.stringify(query));

const product = unstable_cache((slug: string) => storeCaller().catalog.product({ slug }), ["catalog.product"], shared);
export const readProduct = cache((slug: string) => orNotFound(product(slug)));

export const readFeatured = unstable_cache(() => storeCaller().catalog.featured(), ["catalog.featured"], shared);
