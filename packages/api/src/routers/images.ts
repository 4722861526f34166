import {
  ZImageAltUpdate,
  ZImageAttach,
  ZImageList,
  ZImageRemove,
  ZImageReorder,
  ZImageUploadPrepare,
} from "@pos/validators";
import { defaultImageStorage } from "../images/index.ts";
import { managerProcedure } from "../procedures.ts";
import {
  attachProductImage,
  listProductImages,
  prepareImageUpload,
  removeProductImage,
  reorderProductImages,
  updateProductImageAlt,
  type ImageDeps,
} from "../services/images.ts";
import { router } from "../trpc.ts";

// Storage is resolved per call, not at import, so building the router needs no environment.
const deps = (ctx: { log: ImageDeps["log"] }): ImageDeps => ({ storage: defaultImageStorage(), log: ctx.log });

/** Product pictures, managed from the admin section: managers and admins only. */
export const imagesRouter = router({
  list: managerProcedure.input(ZImageList).query(({ ctx, input }) => listProductImages(ctx.db, input)),

  /** Step 1 of an upload: where to POST the file and with which (signed) fields. */
  prepareUpload: managerProcedure
    .input(ZImageUploadPrepare)
    .mutation(({ ctx, input }) => prepareImageUpload(ctx.db, input, deps(ctx))),

  /** Step 2: the uploaded file's public id becomes the product's last image. */
  attach: managerProcedure
    .input(ZImageAttach)
    .mutation(({ ctx, input }) => attachProductImage(ctx.db, input, ctx.user, deps(ctx))),

  reorder: managerProcedure.input(ZImageReorder).mutation(({ ctx, input }) => reorderProductImages(ctx.db, input)),

  updateAlt: managerProcedure.input(ZImageAltUpdate).mutation(({ ctx, input }) => updateProductImageAlt(ctx.db, input)),

  remove: managerProcedure
    .input(ZImageRemove)
    .mutation(({ ctx, input }) => removeProductImage(ctx.db, input, ctx.user, deps(ctx))),
});
