"use client";

import { useState, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import { Button, Input } from "@pos/ui";
import { SIZE_SYSTEMS, ZProductCreate } from "@pos/validators";
import { typedDecimal } from "~/register/money";
import { trpc } from "~/trpc/react";
import { invalidFields } from "~/components/invalid-fields";
import { CheckboxField, ErrorNote } from "../ui";

const FIELDS = ["name", "categoryId", "price", "cost", "customSizes"] as const;
type Field = (typeof FIELDS)[number];
type SizeSystem = (typeof SIZE_SYSTEMS)[number];
const SELECT = "h-11 rounded-lg border bg-white px-3 text-base text-ink";

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
  const [values, setValues] = useState({
    name: "",
    brand: "",
    categoryId: "",
    price: "",
    cost: "",
    sizeSystem: "NONE" as SizeSystem,
    customSizes: "",
    showOnline: true,
  });
  const [invalid, setInvalid] = useState<ReadonlySet<Field>>(new Set());
  const create = trpc.products.create.useMutation({ onSuccess: (product) => props.onCreated(product.id) });
  const set = <K extends keyof typeof values>(field: K, value: (typeof values)[K]) =>
    setValues((current) => ({ ...current, [field]: value }));

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
    const parsed = ZProductCreate.safeParse(input);
    if (!parsed.success) {
      setInvalid(invalidFields(parsed.error, FIELDS));
      return;
    }
    setInvalid(new Set());
    create.mutate(input);
  }

  const error = (field: Field) => (invalid.has(field) ? t(`errors.${field}`) : undefined);
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t("newTitle")}
      className="grid gap-4 rounded-card border border-line bg-white p-5 sm:grid-cols-2"
    >
      <h2 className="text-lg font-semibold sm:col-span-2">{t("newTitle")}</h2>
      <Input
        label={t("name")}
        value={values.name}
        onChange={(e) => set("name", e.target.value)}
        error={error("name")}
        autoFocus
      />
      <Input label={t("brand")} value={values.brand} onChange={(e) => set("brand", e.target.value)} />
      <label className="flex flex-col gap-1.5 text-sm font-medium">
        {t("category")}
        <select
          className={`${SELECT} ${invalid.has("categoryId") ? "border-danger" : "border-line"}`}
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
        {invalid.has("categoryId") && <span className="text-sm font-normal text-danger">{error("categoryId")}</span>}
      </label>
      <label className="flex flex-col gap-1.5 text-sm font-medium">
        {t("sizeSystem")}
        <select
          className={`${SELECT} border-line`}
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
        <Input
          label={t("customSizes")}
          hint={t("customSizesHint")}
          value={values.customSizes}
          onChange={(e) => set("customSizes", e.target.value)}
          error={error("customSizes")}
        />
      )}
      <Input
        label={t("price")}
        inputMode="decimal"
        value={values.price}
        onChange={(e) => set("price", e.target.value)}
        error={error("price")}
      />
      <Input
        label={t("cost")}
        inputMode="decimal"
        value={values.cost}
        onChange={(e) => set("cost", e.target.value)}
        error={error("cost")}
      />
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
