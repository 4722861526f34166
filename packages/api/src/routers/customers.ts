import { ZCustomerCreate, ZCustomerHistory, ZCustomerId, ZCustomerSearch, ZCustomerUpdate } from "@pos/validators";
import { branchScope, staffProcedure } from "../procedures.ts";
import {
  createCustomer,
  customerHistory,
  getCustomer,
  searchCustomers,
  updateCustomer,
} from "../services/customers.ts";
import { router } from "../trpc.ts";

/** Customers, for any staff member at the register or in the admin section. */
export const customersRouter = router({
  search: staffProcedure.input(ZCustomerSearch).query(({ ctx, input }) => searchCustomers(ctx.db, input)),
  get: staffProcedure.input(ZCustomerId).query(({ ctx, input }) => getCustomer(ctx.db, input.id)),
  create: staffProcedure.input(ZCustomerCreate).mutation(({ ctx, input }) => createCustomer(ctx.db, input)),
  update: staffProcedure.input(ZCustomerUpdate).mutation(({ ctx, input }) => updateCustomer(ctx.db, input)),
  /** Their sales, newest first; a cashier sees only those of their own branch. */
  history: staffProcedure
    .input(ZCustomerHistory)
    .query(({ ctx, input: { branchId, ...rest } }) =>
      customerHistory(ctx.db, { ...rest, branchIds: branchScope(ctx.user, branchId) }),
    ),
});
