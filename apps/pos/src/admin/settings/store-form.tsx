"use client";

import type { SyntheticEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@pos/api";
import { Input } from "@pos/ui";
import { STORE_FIELDS, ZStoreConfigUpdate } from "@pos/validators";
import { useFields } from "~/components/use-fields";
import { trpc } from "~/trpc/react";
import { CheckboxField } from "../ui";
import { ImageUpload } from "./image-upload";
import { orNull, SaveRow, Section, SelectField } from "./parts";

type Settings = RouterOutputs["settings"]["store"]["get"];
export type BranchChoice = { id: number; name: string; active: boolean; sellsOnline: boolean };

function valuesOf(settings: Settings) {
  return {
    storeName: settings.storeName,
    description: settings.description,
    logoUrl: settings.logoUrl ?? "",
    email: settings.email ?? "",
    phone: settings.phone ?? "",
    address: settings.address ?? "",
    currency: settings.currency,
    pricesIncludeTax: settings.pricesIncludeTax,
    taxRate: settings.taxRate,
    fulfillmentBranchId: settings.fulfillmentBranchId === null ? "" : String(settings.fulfillmentBranchId),
    pickupEnabled: settings.pickupEnabled,
    shippingEnabled: settings.shippingEnabled,
    shippingFee: settings.shippingFee,
    freeShippingFrom: settings.freeShippingFrom ?? "",
    orderHoldMinutes: String(settings.orderHoldMinutes),
    cashierMaxDiscountPercent: settings.cashierMaxDiscountPercent,
    active: settings.active,
  };
}

/** The store's own facts, how it prices, how online orders are served, and whether it is open. */
export function StoreForm({ settings, branches }: { settings: Settings; branches: readonly BranchChoice[] }) {
  const t = useTranslations("admin.settings.store");
  const router = useRouter();
  const utils = trpc.useUtils();
  const update = trpc.settings.store.update.useMutation({
    onSuccess: (saved) => {
      form.setValues(valuesOf(saved));
      utils.settings.store.get.setData(undefined, saved);
      // Registers open in this browser price with the store's terms: make them read the new ones.
      void utils.register.setup.invalidate();
      router.refresh();
    },
  });
  const form = useFields({
    initial: () => valuesOf(settings),
    fields: STORE_FIELDS,
    message: (field) => t(`errors.${field}`),
    onEdit: () => update.reset(),
  });
  const { values, set } = form;

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const data = form.parse(ZStoreConfigUpdate, {
      ...values,
      logoUrl: orNull(values.logoUrl),
      email: orNull(values.email),
      phone: orNull(values.phone),
      fulfillmentBranchId: values.fulfillmentBranchId ? Number(values.fulfillmentBranchId) : null,
      freeShippingFrom: orNull(values.freeShippingFrom),
      orderHoldMinutes: Number(values.orderHoldMinutes),
    });
    if (data) update.mutate(data);
  }

  const text = form.bind;
  const closing = settings.active && !values.active;

  return (
    <form onSubmit={submit} noValidate aria-label={t("formLabel")} className="grid gap-5">
      <Section
        title={t("openTitle")}
        description={settings.active ? t("openNow") : t("closedNow")}
        aside={
          <button
            type="button"
            role="switch"
            aria-checked={values.active}
            aria-label={t("openSwitch")}
            onClick={() => set("active", !values.active)}
            className={`relative h-8 w-14 shrink-0 rounded-full transition-colors ${values.active ? "bg-ok" : "bg-ink/25"}`}
          >
            <span
              aria-hidden="true"
              className={`absolute top-1 size-6 rounded-full bg-white shadow transition-all ${values.active ? "left-7" : "left-1"}`}
            />
          </button>
        }
      >
        <p
          className={`rounded-lg px-4 py-3 text-sm ${closing || !values.active ? "bg-danger-soft text-danger" : "bg-surface text-muted"}`}
          data-testid="closing-warning"
        >
          {closing ? t("closingWarning") : values.active ? t("closeExplained") : t("closedExplained")}
        </p>
      </Section>

      <Section title={t("identityTitle")} description={t("identityHint")}>
        <div className="grid gap-4 md:grid-cols-2">
          <Input label={t("storeName")} {...text("storeName")} />
          <Input label={t("email")} type="email" {...text("email")} />
          <Input label={t("phone")} type="tel" hint={t("phoneHint")} {...text("phone")} />
          <Input label={t("address")} {...text("address")} />
          <div className="md:col-span-2">
            <Input label={t("description")} {...text("description")} />
          </div>
          <div className="flex flex-wrap items-start gap-4 md:col-span-2">
            <div className="min-w-60 flex-1">
              <Input label={t("logoUrl")} hint={t("logoHint")} {...text("logoUrl")} />
            </div>
            <LogoPreview url={values.logoUrl} alt={t("logoPreview")} empty={t("noLogo")} />
            <div className="mt-7">
              <ImageUpload label={t("uploadLogo")} onUploaded={(url) => set("logoUrl", url)} />
            </div>
          </div>
        </div>
      </Section>

      <Section title={t("pricingTitle")} description={t("pricingHint")}>
        <div className="grid gap-4 md:grid-cols-3">
          <Input label={t("currency")} hint={t("currencyHint")} maxLength={3} {...text("currency")} />
          <Input label={t("taxRate")} inputMode="decimal" {...text("taxRate")} />
          <Input
            label={t("cashierMaxDiscountPercent")}
            hint={t("cashierMaxDiscountHint")}
            inputMode="decimal"
            {...text("cashierMaxDiscountPercent")}
          />
          <CheckboxField
            className="md:col-span-3"
            label={t("pricesIncludeTax")}
            checked={values.pricesIncludeTax}
            onChange={(checked) => set("pricesIncludeTax", checked)}
          />
        </div>
      </Section>

      <Section title={t("onlineTitle")} description={t("onlineHint")}>
        <div className="grid gap-4 md:grid-cols-2">
          <SelectField
            label={t("fulfillmentBranch")}
            hint={t("fulfillmentHint")}
            value={values.fulfillmentBranchId}
            onChange={(value) => set("fulfillmentBranchId", value)}
            error={form.errorOf("fulfillmentBranchId")}
            options={[
              { value: "", label: t("noBranch") },
              ...branches.map((branch) => ({
                value: String(branch.id),
                label: branch.active && branch.sellsOnline ? branch.name : t("branchCannot", { name: branch.name }),
                disabled: !(branch.active && branch.sellsOnline),
              })),
            ]}
          />
          <Input label={t("orderHoldMinutes")} hint={t("holdHint")} inputMode="numeric" {...text("orderHoldMinutes")} />
          <div className="flex flex-col gap-2">
            <CheckboxField
              label={t("pickupEnabled")}
              checked={values.pickupEnabled}
              onChange={(c) => set("pickupEnabled", c)}
            />
            <CheckboxField
              label={t("shippingEnabled")}
              checked={values.shippingEnabled}
              onChange={(c) => set("shippingEnabled", c)}
            />
            {form.invalid.has("shippingEnabled") && (
              <p className="text-sm text-danger">{t("errors.shippingEnabled")}</p>
            )}
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <Input label={t("shippingFee")} inputMode="decimal" {...text("shippingFee")} />
            <Input
              label={t("freeShippingFrom")}
              hint={t("freeShippingHint")}
              inputMode="decimal"
              {...text("freeShippingFrom")}
            />
          </div>
        </div>
      </Section>

      <SaveRow pending={update.isPending} saved={update.isSuccess} error={update.error?.message} />
    </form>
  );
}

function LogoPreview({ url, alt, empty }: { url: string; alt: string; empty: string }) {
  const shown = /^(https:\/\/|\/uploads\/)/.test(url.trim());
  return (
    <div className="mt-7 flex h-11 w-20 shrink-0 items-center justify-center overflow-hidden rounded-lg border border-line bg-surface text-center text-xs text-muted">
      {shown ? <img src={url.trim()} alt={alt} className="size-full object-contain" /> : empty}
    </div>
  );
}
