import {
  ZBannerCreate,
  ZBannerUpdate,
  ZInstallmentPlanAdd,
  ZInstallmentPlanUpdate,
  ZPaymentMethodCreate,
  ZPaymentMethodUpdate,
  ZSettingsId,
  ZSettingsReorder,
  ZSocialLinkCreate,
  ZSocialLinkUpdate,
  ZStoreConfigUpdate,
  ZStoreImageAttach,
  ZStoreImageUploadPrepare,
  ZWhatsAppConfigUpdate,
  ZWhatsAppPreview,
} from "@pos/validators";
import { defaultImageStorage } from "../images/index.ts";
import { adminProcedure, managerProcedure } from "../procedures.ts";
import { prepareStoreImageUpload, storeImageUrl } from "../services/settings/images.ts";
import {
  addInstallmentPlan,
  createPaymentMethod,
  listPaymentMethods,
  removeInstallmentPlan,
  updateInstallmentPlan,
  updatePaymentMethod,
} from "../services/settings/payments.ts";
import { readStoreSettings, updateStoreSettings } from "../services/settings/store.ts";
import {
  createBanner,
  createSocialLink,
  deleteBanner,
  deleteSocialLink,
  listBanners,
  listSocialLinks,
  reorderBanners,
  reorderSocialLinks,
  updateBanner,
  updateSocialLink,
} from "../services/settings/storefront.ts";
import { previewWhatsAppMessage, readWhatsAppSettings, updateWhatsAppSettings } from "../services/settings/whatsapp.ts";
import { router } from "../trpc.ts";

/**
 * Store settings (domain rule 7): managers may read them (they run the shop by them), only admins change them.
 * Nothing is cached server-side: checkout, the register's setup and sale pricing read the rows when used.
 */
export const settingsRouter = router({
  store: router({
    get: managerProcedure.query(({ ctx }) => readStoreSettings(ctx.db)),
    update: adminProcedure
      .input(ZStoreConfigUpdate)
      .mutation(({ ctx, input }) => updateStoreSettings(ctx.db, input, ctx.user)),
  }),

  /** The logo's and banners' pictures: a ticket to upload one, then its address for the form to save. */
  images: router({
    prepareUpload: adminProcedure
      .input(ZStoreImageUploadPrepare)
      .mutation(({ input }) => prepareStoreImageUpload(input, defaultImageStorage())),
    attach: adminProcedure
      .input(ZStoreImageAttach)
      .mutation(({ input }) => storeImageUrl(input, defaultImageStorage())),
  }),

  payments: router({
    list: managerProcedure.query(({ ctx }) => listPaymentMethods(ctx.db)),
    create: adminProcedure
      .input(ZPaymentMethodCreate)
      .mutation(({ ctx, input }) => createPaymentMethod(ctx.db, input, ctx.user)),
    update: adminProcedure
      .input(ZPaymentMethodUpdate)
      .mutation(({ ctx, input }) => updatePaymentMethod(ctx.db, input, ctx.user)),
    addPlan: adminProcedure
      .input(ZInstallmentPlanAdd)
      .mutation(({ ctx, input }) => addInstallmentPlan(ctx.db, input, ctx.user)),
    updatePlan: adminProcedure
      .input(ZInstallmentPlanUpdate)
      .mutation(({ ctx, input }) => updateInstallmentPlan(ctx.db, input, ctx.user)),
    removePlan: adminProcedure
      .input(ZSettingsId)
      .mutation(({ ctx, input }) => removeInstallmentPlan(ctx.db, input.id, ctx.user)),
  }),

  whatsapp: router({
    get: managerProcedure.query(({ ctx }) => readWhatsAppSettings(ctx.db)),
    update: adminProcedure
      .input(ZWhatsAppConfigUpdate)
      .mutation(({ ctx, input }) => updateWhatsAppSettings(ctx.db, input, ctx.user)),
    /** The message a shopper would send for a sample order, rendered as real orders render it. */
    preview: adminProcedure
      .input(ZWhatsAppPreview)
      .query(({ ctx, input }) => previewWhatsAppMessage(ctx.db, input.messageTemplate)),
  }),

  social: router({
    list: managerProcedure.query(({ ctx }) => listSocialLinks(ctx.db)),
    create: adminProcedure
      .input(ZSocialLinkCreate)
      .mutation(({ ctx, input }) => createSocialLink(ctx.db, input, ctx.user)),
    update: adminProcedure
      .input(ZSocialLinkUpdate)
      .mutation(({ ctx, input }) => updateSocialLink(ctx.db, input, ctx.user)),
    delete: adminProcedure
      .input(ZSettingsId)
      .mutation(({ ctx, input }) => deleteSocialLink(ctx.db, input.id, ctx.user)),
    reorder: adminProcedure
      .input(ZSettingsReorder)
      .mutation(({ ctx, input }) => reorderSocialLinks(ctx.db, input, ctx.user)),
  }),

  banners: router({
    list: managerProcedure.query(({ ctx }) => listBanners(ctx.db)),
    create: adminProcedure.input(ZBannerCreate).mutation(({ ctx, input }) => createBanner(ctx.db, input, ctx.user)),
    update: adminProcedure.input(ZBannerUpdate).mutation(({ ctx, input }) => updateBanner(ctx.db, input, ctx.user)),
    delete: adminProcedure.input(ZSettingsId).mutation(({ ctx, input }) => deleteBanner(ctx.db, input.id, ctx.user)),
    reorder: adminProcedure
      .input(ZSettingsReorder)
      .mutation(({ ctx, input }) => reorderBanners(ctx.db, input, ctx.user)),
  }),
});
