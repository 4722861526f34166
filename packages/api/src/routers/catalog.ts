import { ZCartCheck, ZCatalogList, ZCatalogProduct } from "@pos/validators";
import { publicProcedure } from "../procedures.ts";
import { checkCart } from "../services/storefront/cart.ts";
import { listCatalog, listFeatured, readSitemap } from "../services/storefront/listing.ts";
import { readProductPage } from "../services/storefront/product-page.ts";
import { readShopFront } from "../services/storefront/shop-front.ts";
import { router } from "../trpc.ts";

/** The storefront's catalog, for shoppers: only what is on sale online, priced online, stock of online branches. */
export const catalogRouter = router({
  /** The shop itself: contact, open or closed, banners, social links, categories, delivery and payment options. */
  shop: publicProcedure.query(({ ctx }) => readShopFront(ctx.db)),
  /** The home page's products: featured first, then the newest. */
  featured: publicProcedure.query(({ ctx }) => listFeatured(ctx.db)),
  /** A category or a search: filtered, sorted, paged, with the sizes to filter by. */
  list: publicProcedure.input(ZCatalogList).query(({ ctx, input }) => listCatalog(ctx.db, input)),
  /** A product page by its slug. */
  product: publicProcedure.input(ZCatalogProduct).query(({ ctx, input }) => readProductPage(ctx.db, input)),
  /** The browser's cart checked again: current prices, what is left, what can no longer be bought. */
  /** Addresses for sitemap.xml: active categories and products sold online. */
  sitemap: publicProcedure.query(({ ctx }) => readSitemap(ctx.db)),
  cart: publicProcedure.input(ZCartCheck).query(({ ctx, input }) => checkCart(ctx.db, input)),
});
