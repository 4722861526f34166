import { redirect } from "next/navigation";
import { catalogParams, type TCatalogListParsed } from "@pos/validators";

type Search = Record<string, string | string[] | undefined>;

/**
 * Sends a listing URL that says more than its query (empty filter fields a GET form submits, `min=1000` for
 * `min=1000.00`, unknown params) to the one URL for that query, so a filter has one shareable address.
 */
export function keepCanonical(path: string, search: Search, query: TCatalogListParsed): void {
  const given = new URLSearchParams();
  for (const [name, value] of Object.entries(search)) {
    for (const item of [value ?? []].flat()) given.append(name, item);
  }
  const canonical = catalogParams(query).toString();
  if (given.toString() !== canonical) redirect(canonical ? `${path}?${canonical}` : path);
}
