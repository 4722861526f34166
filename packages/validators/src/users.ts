// Staff account inputs (admin section). Rules that need the database (unique email, the last admin, the
// branch existing) are the API's; these are the ones a form can check on its own.
import { z } from "zod";
import { ZEmail } from "./customers.ts";

export const ROLES = ["ADMIN", "MANAGER", "CASHIER"] as const;
export type TRole = (typeof ROLES)[number];

export const MIN_PASSWORD_LENGTH = 8;

const id = z.number().int().positive();
const name = z.string().trim().min(1, { message: "Enter the person's name." }).max(120);

export const ZPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { message: `A password has at least ${MIN_PASSWORD_LENGTH} characters.` })
  .max(200, { message: "Keep the password under 200 characters." });

const cashierNeedsBranch = { message: "A cashier needs a home branch: choose one.", path: ["branchId"] };

export const ZUserCreate = z
  .object({
    name,
    email: ZEmail,
    role: z.enum(ROLES),
    /** Required for cashiers; optional for managers and admins, who work across branches. */
    branchId: id.nullish(),
    password: ZPassword,
  })
  .refine((user) => user.role !== "CASHIER" || user.branchId != null, cashierNeedsBranch);
export type TUserCreate = z.input<typeof ZUserCreate>;

/** Only the fields sent change; the API checks the result (a cashier keeps a branch, an admin stays). */
export const ZUserUpdate = z
  .object({ id, name: name.optional(), role: z.enum(ROLES).optional(), branchId: id.nullish() })
  .refine((user) => !(user.role === "CASHIER" && user.branchId === null), cashierNeedsBranch);
export type TUserUpdate = z.input<typeof ZUserUpdate>;

export const ZUserId = z.object({ id });
export type TUserId = z.infer<typeof ZUserId>;

export const ZUserPasswordReset = z.object({ id, password: ZPassword });
export type TUserPasswordReset = z.infer<typeof ZUserPasswordReset>;

export const ZUserList = z.object({
  role: z.enum(ROLES).optional(),
  branchId: id.optional(),
  active: z.boolean().optional(),
});
export type TUserList = z.infer<typeof ZUserList>;
