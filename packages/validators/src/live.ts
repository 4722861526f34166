// Inputs of the live subscriptions. Every one takes `lastEventId`: tRPC's SSE link sends back the id of the last
// event the client saw when it reconnects, and the server resumes after it.
import { z } from "zod";

const id = z.number().int().positive();

/** How many variants one subscriber may watch: a product page (a size run) or a register's cart, not a catalog. */
export const MAX_WATCHED_VARIANTS = 500;

const resumable = { lastEventId: z.string().max(100).nullish() };

/**
 * Stock levels to watch: some variants, a branch, or both. Shoppers must name the variants (a product page's
 * sizes) and see only branches that sell online; a cashier sees their own branch; managers any or all.
 */
export const ZStockWatch = z.object({
  branchId: id.optional(),
  variantIds: z
    .array(id)
    .min(1)
    .max(MAX_WATCHED_VARIANTS, { message: `Watch at most ${MAX_WATCHED_VARIANTS} variants at once.` })
    .optional(),
  ...resumable,
});
export type TStockWatch = z.input<typeof ZStockWatch>;
export type TStockWatchParsed = z.output<typeof ZStockWatch>;

/** New sales, orders or alerts, at one branch or all of them. */
export const ZLiveFeed = z.object({ branchId: id.optional(), ...resumable });
export type TLiveFeed = z.input<typeof ZLiveFeed>;
export type TLiveFeedParsed = z.output<typeof ZLiveFeed>;
