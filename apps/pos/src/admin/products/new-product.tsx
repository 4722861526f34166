"use client";

import type { SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import { Button, Input } from "@pos/ui";
import { SIZE_SYSTEMS, ZProductCreate } from "@pos/validators";
import { typedDecimal } from "~/register/money";
import { trpc } from "~/trpc/react";
import { useFields } from "~/components/use-fields";
import { CheckboxField, ErrorNote, FORM_LABEL, FORM_SELECT } from "../ui";

const FIELDS = ["name", "categoryId", "price", "cost", "customSizes"] as const;
type SizeSystem = (typeof SIZE_SYSTEMS)[number];

/**
 * A new product: what it is, what it costs and sells for, and its size system; one variant per size is generated
 * by the API with a SKU and a valid EAN-13, so the next step is pictures and stock on the product's page.
 */
export function NewProduct(props: {
  categories: readonly { id: number; label: string }[];
  onCreated: (id: number) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("admin.products");
  const form = useFields({
    initial: {
      name: "",
      brand: "",
      categoryId: "",
      price: "",
      cost: "",
      sizeSystem: "NONE" as SizeSystem,
      customSizes: "",
      showOnline: true as boolean,
    },
    fields: FIELDS,
    message: (field) => t(`errors.${field}`),
  });
  const { values, set, bind, invalid } = form;
  const create = trpc.products.create.useMutation({ onSuccess: (product) => props.onCreated(product.id) });

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const input = {
      name: values.name,
      brand: values.brand,
      categoryId: Number(values.categoryId) || 0,
      price: typedDecimal(values.price),
      cost: typedDecimal(values.cost || "0"),
      sizeSystem: values.sizeSystem,
      customSizes:
        values.sizeSystem === "CUSTOM"
          ? values.customSizes
              .split(",")
              .map((size) => size.trim())
              .filter(Boolean)
          : [],
      showOnline: values.showOnline,
    };
    if (form.parse(ZProductCreate, input)) create.mutate(input);
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t("newTitle")}
      className="grid gap-4 rounded-card border border-line bg-white p-5 sm:grid-cols-2"
    >
      <h2 className="text-lg font-semibold sm:col-span-2">{t("newTitle")}</h2>
      <Input label={t("name")} {...bind("name")} autoFocus />
      <Input label={t("brand")} value={values.brand} onChange={(e) => set("brand", e.target.value)} />
      <label className={FORM_LABEL}>
        {t("category")}
        <select
          className={`${FORM_SELECT} aria-invalid:border-danger`}
          value={values.categoryId}
          aria-invalid={invalid.has("categoryId") || undefined}
          onChange={(e) => set("categoryId", e.target.value)}
        >
          <option value="">{t("pickCategory")}</option>
          {props.categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.label}
            </option>
          ))}
        </select>
        {invalid.has("categoryId") && (
          <span className="text-sm font-normal text-danger">{form.errorOf("categoryId")}</span>
        )}
      </label>
      <label className={FORM_LABEL}>
        {t("sizeSystem")}
        <select
          className={FORM_SELECT}
          value={values.sizeSystem}
          onChange={(e) => set("sizeSystem", e.target.value as SizeSystem)}
        >
          {SIZE_SYSTEMS.map((system) => (
            <option key={system} value={system}>
              {t(`sizeSystems.${system}`)}
            </option>
          ))}
        </select>
      </label>
      {values.sizeSystem === "CUSTOM" && (
        <Input label={t("customSizes")} hint={t("customSizesHint")} {...bind("customSizes")} />
      )}
      <Input label={t("price")} inputMode="decimal" {...bind("price")} />
      <Input label={t("cost")} inputMode="decimal" {...bind("cost")} />
      <CheckboxField
        label={t("showOnline")}
        checked={values.showOnline}
        onChange={(checked) => set("showOnline", checked)}
        className="sm:col-span-2"
      />
      {create.error && (
        <div className="sm:col-span-2">
          <ErrorNote>{create.error.message}</ErrorNote>
        </div>
      )}
      <div className="flex justify-end gap-2 sm:col-span-2">
        <Button type="button" variant="ghost" onClick={props.onCancel}>
          {t("cancel")}
        </Button>
        <Button type="submit" disabled={create.isPending}>
          {t("create")}
        </Button>
      </div>
    </form>
  );
}
