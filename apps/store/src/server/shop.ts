// Storefront reads, each made once per request however many components ask (layout, page, metadata).
import { cache } from "react";
import type { TCatalogListParsed } from "@pos/validators";
import { storeCaller } from "./caller";
import { orNotFound } from "./not-found";

export const readShop = cache(() => storeCaller().catalog.shop());

// Keyed by the query's JSON: React's cache compares arguments by identity.
const listingByKey = cache((key: string) =>
  orNotFound(storeCaller().catalog.list(JSON.parse(key) as TCatalogListParsed)),
);
export const readListing = (query: TCatalogListParsed) => listingByKey(JSON.stringify(query));

export const readProduct = cache((slug: string) => orNotFound(storeCaller().catalog.product({ slug })));
