import { publicProcedure } from "../procedures.ts";
import { readHealth } from "../services/health.ts";
import { readStoreInfo } from "../services/store-info.ts";
import { router } from "../trpc.ts";

export const healthRouter = router({
  /** Liveness that proves the database answers: time, a few counts, migration bookkeeping. */
  check: publicProcedure.query(({ ctx }) => readHealth(ctx.db)),
  /** What any screen may show before sign-in: the shop's name and money settings. */
  info: publicProcedure.query(({ ctx }) => readStoreInfo(ctx.db)),
});
