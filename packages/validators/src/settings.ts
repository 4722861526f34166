// Store settings inputs (admins): the store's configuration, payment methods and installment plans, the WhatsApp
// order message, social links and storefront banners. Rules that need the database (the fulfilling branch sells
// online, codes are unique) are the API's; these are the ones a form can check on its own.
import { z } from "zod";
import { ZEmail, ZPhone } from "./customers.ts";
import { ZMoney } from "./catalog.ts";
import { ZImagePublicId, ZImageUploadPrepare } from "./images.ts";
import { fromCents, toCents } from "./money.ts";
import { PAYMENT_TYPES } from "./returns.ts";
import { MAX_INSTALLMENTS } from "./sales.ts";

const id = z.number().int().positive();

/**
 * A percentage as a Decimal(5,2) text between `min` and `max`, normalised to "10.00". Text, not a number, so a
 * surcharge of 12.5 % is stored exactly (domain rule 5).
 */
export function percentBetween(min: number, max: number, message: string) {
  return (
    z
      .string()
      .trim()
      // abort: the range check below reads the text as an amount, so it must not run on text that is not one.
      .regex(/^-?\d{1,3}(\.\d{1,2})?$/, {
        message: 'Enter a percentage like "10" or "-12.5": at most two decimals.',
        abort: true,
      })
      .refine((value) => toCents(value) >= min * 100 && toCents(value) <= max * 100, { message })
      .transform((value) => fromCents(toCents(value)))
  );
}

export const ZTaxRate = percentBetween(0, 100, "A tax rate is 0–100 %.");
/** −10 is a 10 % discount (cash), +5 a surcharge; a method cannot give everything away. */
export const ZAdjustmentPercent = percentBetween(-99.99, 100, "An adjustment is between −99.99 % and +100 %.");
export const ZSurchargePercent = percentBetween(0, 100, "A surcharge is 0–100 %.");
export const ZDiscountLimitPercent = percentBetween(0, 100, "A discount limit is 0–100 %.");

/** Currencies Intl can format (ISO 4217), so every price on every screen prints. */
export const ZCurrency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { message: "Use a three-letter ISO currency code, like ARS or USD." })
  .refine((code) => Intl.supportedValuesOf("currency").includes(code), {
    message: "That is not a currency code this system can format. Use one like ARS, USD or EUR.",
  });

/** A public web address (https only: the storefront is served over https and must not mix content). */
export const ZHttpsUrl = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url({ protocol: /^https$/, message: "Enter a full address starting with https://." }));

/** A picture: an https address, or a file this system serves (/uploads/…). */
export const ZImageUrl = z.union(
  [
    ZHttpsUrl,
    z
      .string()
      .trim()
      .regex(/^\/uploads\/[\w./-]+$/),
  ],
  {
    message: "Enter an image address starting with https://, or upload a file.",
  },
);

/** Where a banner leads: a page of the store ("/c/running") or an https address. */
export const ZLinkUrl = z.union(
  [
    ZHttpsUrl,
    z
      .string()
      .trim()
      .max(300)
      .regex(/^\/(?!\/)[^\s]*$/),
  ],
  {
    message: 'Enter a store page like "/c/running" or a full address starting with https://.',
  },
);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => value || null)
    .nullable();

// ─── Store configuration ──────────────────────────────────────────────────────────────────────────

const storeFields = {
  storeName: z.string().trim().min(1, { message: "Enter the store's name." }).max(80),
  description: z.string().trim().max(500),
  logoUrl: ZImageUrl.nullable(),
  email: ZEmail.nullable(),
  phone: ZPhone.nullable(),
  address: optionalText(200),
  currency: ZCurrency,
  pricesIncludeTax: z.boolean(),
  taxRate: ZTaxRate,
  /** The branch whose stock the storefront sells; it must be active and sell online. */
  fulfillmentBranchId: id.nullable(),
  pickupEnabled: z.boolean(),
  shippingEnabled: z.boolean(),
  shippingFee: ZMoney,
  freeShippingFrom: ZMoney.nullable(),
  /** How long a WhatsApp order holds its stock: five minutes to a week. */
  orderHoldMinutes: z.number().int().min(5).max(10_080),
  cashierMaxDiscountPercent: ZDiscountLimitPercent,
  /** Whether the storefront takes orders. */
  active: z.boolean(),
};

export const STORE_FIELDS = Object.keys(storeFields) as (keyof typeof storeFields)[];

/** Only the fields sent change. An open store offers at least one way to get the goods. */
export const ZStoreConfigUpdate = z
  .object(storeFields)
  .partial()
  .refine((store) => store.pickupEnabled !== false || store.shippingEnabled !== false, {
    message: "Offer pickup, shipping or both.",
    path: ["shippingEnabled"],
  });
export type TStoreConfigUpdate = z.input<typeof ZStoreConfigUpdate>;
export type TStoreConfigUpdateParsed = z.output<typeof ZStoreConfigUpdate>;

// ─── Payment methods and installment plans ───────────────────────────────────────────────────────

const methodFields = {
  name: z.string().trim().min(1, { message: "Enter the method's name." }).max(60),
  active: z.boolean(),
  adjustmentPercent: ZAdjustmentPercent,
  sortOrder: z.number().int().min(0).max(999),
};

export const ZPaymentMethodCreate = z.object({
  /** A stable key for integrations and reports ("mercadopago"); unique. */
  code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{1,29}$/, { message: "A code is 2–30 lowercase letters, digits or '-'." }),
  type: z.enum(PAYMENT_TYPES),
  ...methodFields,
  active: methodFields.active.default(true),
  adjustmentPercent: methodFields.adjustmentPercent.default("0"),
  sortOrder: methodFields.sortOrder.default(0),
});
export type TPaymentMethodCreate = z.input<typeof ZPaymentMethodCreate>;

/** Only the fields sent change; the type stays (past payments were taken as that type). */
export const ZPaymentMethodUpdate = z.object(methodFields).partial().extend({ id });
export type TPaymentMethodUpdate = z.input<typeof ZPaymentMethodUpdate>;

export const ZInstallmentPlanAdd = z.object({
  methodId: id,
  installments: z
    .number()
    .int()
    .min(1)
    .max(MAX_INSTALLMENTS, { message: `At most ${MAX_INSTALLMENTS} installments (what a sale accepts).` }),
  surchargePercent: ZSurchargePercent,
});
export type TInstallmentPlanAdd = z.input<typeof ZInstallmentPlanAdd>;

export const ZInstallmentPlanUpdate = z.object({
  id,
  surchargePercent: ZSurchargePercent.optional(),
  active: z.boolean().optional(),
});
export type TInstallmentPlanUpdate = z.input<typeof ZInstallmentPlanUpdate>;

// ─── WhatsApp ─────────────────────────────────────────────────────────────────────────────────────

/** What a WhatsApp order message may say about the order. */
export const WHATSAPP_PLACEHOLDERS = ["order", "items", "total", "name", "store"] as const;

/** The `{word}` placeholders of a template that are not known ones (a typo would reach the shopper as written). */
export function unknownPlaceholders(template: string): string[] {
  const used = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "");
  const known: readonly string[] = WHATSAPP_PLACEHOLDERS;
  return [...new Set(used.filter((name) => !known.includes(name)))];
}

export const ZWhatsAppTemplate = z
  .string()
  .trim()
  .min(1, { message: "Write the message the shopper sends." })
  .max(1000, { message: "Keep the message under 1000 characters." })
  .superRefine((template, ctx) => {
    const unknown = unknownPlaceholders(template);
    if (unknown.length > 0) {
      ctx.addIssue({
        code: "custom",
        message: `Unknown placeholder ${unknown.map((name) => `{${name}}`).join(", ")}. Use ${WHATSAPP_PLACEHOLDERS.map((name) => `{${name}}`).join(", ")}.`,
      });
    }
  });

export const ZWhatsAppConfigUpdate = z.object({
  /** The shop's WhatsApp number, country code first (wa.me wants digits only). */
  phoneNumber: ZPhone,
  messageTemplate: ZWhatsAppTemplate,
  active: z.boolean(),
});
export type TWhatsAppConfigUpdate = z.input<typeof ZWhatsAppConfigUpdate>;

/** The preview renders whatever is typed, unknown placeholders included, so the admin sees what a typo does. */
export const ZWhatsAppPreview = z.object({ messageTemplate: z.string().max(1000) });
export type TWhatsAppPreview = z.input<typeof ZWhatsAppPreview>;

// ─── Social links and banners ─────────────────────────────────────────────────────────────────────

export const SOCIAL_PLATFORMS = ["instagram", "facebook", "tiktok", "x", "youtube", "whatsapp", "website"] as const;

const socialFields = { platform: z.enum(SOCIAL_PLATFORMS), url: ZHttpsUrl, active: z.boolean() };

export const ZSocialLinkCreate = z.object({ ...socialFields, active: socialFields.active.default(true) });
export type TSocialLinkCreate = z.input<typeof ZSocialLinkCreate>;
export const ZSocialLinkUpdate = z.object(socialFields).partial().extend({ id });
export type TSocialLinkUpdate = z.input<typeof ZSocialLinkUpdate>;

const bannerFields = {
  title: z.string().trim().min(1, { message: "Enter the banner's title." }).max(80),
  subtitle: optionalText(160),
  imageUrl: ZImageUrl,
  linkUrl: ZLinkUrl.nullable(),
  active: z.boolean(),
};

export const ZBannerCreate = z.object({
  ...bannerFields,
  subtitle: bannerFields.subtitle.default(null),
  linkUrl: bannerFields.linkUrl.default(null),
  active: bannerFields.active.default(true),
});
export type TBannerCreate = z.input<typeof ZBannerCreate>;
export const ZBannerUpdate = z.object(bannerFields).partial().extend({ id });
export type TBannerUpdate = z.input<typeof ZBannerUpdate>;

/** Every row of the list, in the new order. */
export const ZSettingsReorder = z.object({
  ids: z
    .array(id)
    .min(1)
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, { message: "Each item may appear only once." }),
});
export type TSettingsReorder = z.infer<typeof ZSettingsReorder>;

export const ZSettingsId = z.object({ id });
export type TSettingsId = z.infer<typeof ZSettingsId>;

// ─── The store's own pictures (logo, banners) ─────────────────────────────────────────────────────

/** Uploaded like a product's picture (same types and size limit), into the store's folder. */
export const ZStoreImageUploadPrepare = ZImageUploadPrepare.omit({ productId: true });
export type TStoreImageUploadPrepare = z.infer<typeof ZStoreImageUploadPrepare>;

/** An uploaded file's public id, to turn into the address the logo or a banner then uses. */
export const ZStoreImageAttach = z.object({ publicId: ZImagePublicId });
export type TStoreImageAttach = z.infer<typeof ZStoreImageAttach>;
