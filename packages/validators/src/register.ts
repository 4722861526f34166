// What a register loads to sell on its own: the catalog it scans against (with its branch's stock), page by page.
import { z } from "zod";

const id = z.number().int().positive();

/** Rows per catalog page: a shop's whole catalog in a few requests, each small enough to parse at once. */
export const REGISTER_CATALOG_PAGE = 2_000;

export const ZRegisterCatalog = z.object({
  branchId: id,
  /** The last variant id of the previous page (keyset paging: stable while the catalog changes). */
  afterId: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(REGISTER_CATALOG_PAGE).default(REGISTER_CATALOG_PAGE),
});
export type TRegisterCatalog = z.input<typeof ZRegisterCatalog>;
export type TRegisterCatalogParsed = z.output<typeof ZRegisterCatalog>;

/** A product the cashier is about to sell: which other branches have its sizes, to send the customer there. */
export const ZRegisterElsewhere = z.object({ branchId: id, productId: id });
export type TRegisterElsewhere = z.infer<typeof ZRegisterElsewhere>;
