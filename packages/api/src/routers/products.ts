import {
  ZBarcodeSuggest,
  ZLookup,
  ZProductCreate,
  ZProductId,
  ZProductList,
  ZProductUpdate,
  ZSearch,
} from "@pos/validators";
import { managerProcedure, staffProcedure } from "../procedures.ts";
import { archiveProduct, createProduct, getProduct, listProducts, updateProduct } from "../services/products.ts";
import { suggestBarcode } from "../services/product-variants.ts";
import { lookupCode, searchProducts } from "../services/products-search.ts";
import { router } from "../trpc.ts";

/**
 * The catalog. Every staff member reads it (cost only reaches managers and admins: the service picks the
 * select shape by role); only managers and admins change it.
 */
export const productsRouter = router({
  list: staffProcedure.input(ZProductList).query(({ ctx, input }) => listProducts(ctx.db, input, ctx.user)),
  get: staffProcedure.input(ZProductId).query(({ ctx, input }) => getProduct(ctx.db, input.id, ctx.user)),
  /** A scanned barcode or a typed SKU, exact. */
  lookup: staffProcedure.input(ZLookup).query(({ ctx, input }) => lookupCode(ctx.db, input, ctx.user)),
  search: staffProcedure.input(ZSearch).query(({ ctx, input }) => searchProducts(ctx.db, input, ctx.user)),

  create: managerProcedure.input(ZProductCreate).mutation(({ ctx, input }) => createProduct(ctx.db, input, ctx.user)),
  update: managerProcedure.input(ZProductUpdate).mutation(({ ctx, input }) => updateProduct(ctx.db, input, ctx.user)),
  /** A free in-store EAN-13 for the variant editor's "generate" button; saving it is a normal `update`. */
  suggestBarcode: managerProcedure.input(ZBarcodeSuggest).query(({ ctx, input }) => suggestBarcode(ctx.db, input)),
  /** Retire, never delete: sales and stock keep pointing at it. Undo with `update({ active: true })`. */
  archive: managerProcedure.input(ZProductId).mutation(({ ctx, input }) => archiveProduct(ctx.db, input.id, ctx.user)),
});
