// Customer inputs, and the contact normalisation (email, phone) that staff forms share with the API, so a
// customer typed at the register and one saved at checkout are stored, and found, the same way.
import { z } from "zod";

const id = z.number().int().positive();

/** Trimmed and lowercased, so lookups and uniqueness do not depend on how someone typed it. */
export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address, like ana@example.com." }).max(254));

/**
 * Digits only, with an optional leading "+": "+54 9 (11) 5555-1234" becomes "+5491155551234". Letters are
 * refused rather than dropped, so a typo is noticed instead of silently stored.
 */
export const ZPhone = z
  .string()
  .trim()
  .regex(/^\+?[\d\s().-]+$/, { message: "A phone has digits, and may start with +." })
  .transform((value) => (value.startsWith("+") ? "+" : "") + value.replace(/\D/g, ""))
  .pipe(z.string().regex(/^\+?\d{6,15}$/, { message: "A phone has 6 to 15 digits." }));

export const CUSTOMER_PAGE_SIZE = 20;

const name = z.string().trim().min(1, { message: "Enter the customer's name." }).max(120);
const taxId = z.string().trim().min(1).max(30);
const notes = z.string().trim().max(1000);

export const ZCustomerCreate = z.object({
  name,
  email: ZEmail.nullish(),
  phone: ZPhone.nullish(),
  taxId: taxId.nullish(),
  notes: notes.nullish(),
});
export type TCustomerCreate = z.input<typeof ZCustomerCreate>;

/** Only the fields sent change; null clears an optional field. */
export const ZCustomerUpdate = ZCustomerCreate.partial().extend({ id });
export type TCustomerUpdate = z.input<typeof ZCustomerUpdate>;

export const ZCustomerId = z.object({ id });
export type TCustomerId = z.infer<typeof ZCustomerId>;

/** By name (fuzzy), email (prefix) or phone (digits); without `q`, everyone in name order. */
export const ZCustomerSearch = z.object({
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.number().int().min(1).max(100).default(CUSTOMER_PAGE_SIZE),
  /** The `nextCursor` of the previous page. */
  cursor: id.nullish(),
});
export type TCustomerSearch = z.input<typeof ZCustomerSearch>;
export type TCustomerSearchParsed = z.output<typeof ZCustomerSearch>;

export const ZCustomerHistory = z.object({
  customerId: id,
  /** Only this branch's sales; cashiers always get their own branch only. */
  branchId: id.optional(),
  limit: z.number().int().min(1).max(100).default(CUSTOMER_PAGE_SIZE),
  cursor: id.nullish(),
});
export type TCustomerHistory = z.input<typeof ZCustomerHistory>;
export type TCustomerHistoryParsed = z.output<typeof ZCustomerHistory>;
