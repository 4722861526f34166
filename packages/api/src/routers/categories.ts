import { ZCategoryCreate, ZCategoryId, ZCategoryReorder, ZCategoryUpdate } from "@pos/validators";
import { managerProcedure, staffProcedure } from "../procedures.ts";
import {
  createCategory,
  deleteCategory,
  listCategoryTree,
  reorderCategories,
  updateCategory,
} from "../services/categories.ts";
import { router } from "../trpc.ts";

/** The category tree: any staff member reads it; managers and admins shape it. */
export const categoriesRouter = router({
  tree: staffProcedure.query(({ ctx }) => listCategoryTree(ctx.db)),
  create: managerProcedure.input(ZCategoryCreate).mutation(({ ctx, input }) => createCategory(ctx.db, input)),
  update: managerProcedure.input(ZCategoryUpdate).mutation(({ ctx, input }) => updateCategory(ctx.db, input)),
  reorder: managerProcedure.input(ZCategoryReorder).mutation(({ ctx, input }) => reorderCategories(ctx.db, input)),
  /** Only an empty category; otherwise deactivate it with `update`. */
  delete: managerProcedure.input(ZCategoryId).mutation(({ ctx, input }) => deleteCategory(ctx.db, input.id)),
});
