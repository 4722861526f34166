// Branch inputs (admin section). Name and code are unique; the API reports a clash as a conflict.
import { z } from "zod";

const id = z.number().int().positive();

export const ZBranchCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2,10}$/, { message: "A branch code is 2–10 letters or digits, e.g. CEN." });

const branchFields = {
  name: z.string().trim().min(1, { message: "Enter the branch's name." }).max(80),
  /** Printed on receipts and encoded in receipt barcodes. */
  code: ZBranchCode,
  address: z.string().trim().min(1, { message: "Enter the branch's address." }).max(200),
  phone: z.string().trim().min(1).max(40).nullable(),
  sellsOnline: z.boolean(),
};

export const ZBranchCreate = z.object({
  ...branchFields,
  phone: branchFields.phone.default(null),
  sellsOnline: branchFields.sellsOnline.default(false),
});
export type TBranchCreate = z.input<typeof ZBranchCreate>;

/** Only the fields sent change. Activation has its own procedures (deactivating has a precondition). */
export const ZBranchUpdate = z.object(branchFields).partial().extend({ id });
export type TBranchUpdate = z.input<typeof ZBranchUpdate>;

export const ZBranchId = z.object({ id });
export type TBranchId = z.infer<typeof ZBranchId>;

/** Managers and admins may filter by active; everyone else sees active branches only. */
export const ZBranchList = z.object({ active: z.boolean().optional() }).default({});
export type TBranchList = z.input<typeof ZBranchList>;
