"use client";

import { useState, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@pos/api";
import { Button, Input } from "@pos/ui";
import { ZProductUpdate } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { typedDecimal } from "~/register/money";
import { CheckboxField, ErrorNote } from "../ui";
import { useFields } from "~/components/use-fields";

type Product = RouterOutputs["products"]["get"];
const FIELDS = ["name", "price", "onlinePrice", "cost", "minStock"] as const;

/**
 * What a product is called and sells for, edited in place: price, online price, cost, the minimum that raises a
 * low-stock alert, and whether it shows online or is sold at all. Checked with the API's own schema.
 */
export function ProductTerms({ product }: { product: Product }) {
  const t = useTranslations("admin.products");
  const utils = trpc.useUtils();
  const [editing, setEditing] = useState(false);
  const initial = () => ({
    name: product.name,
    brand: product.brand,
    price: product.price,
    onlinePrice: product.onlinePrice ?? "",
    cost: "cost" in product ? product.cost : "",
    minStock: String(product.minStock),
    showOnline: product.showOnline,
    active: product.active,
  });
  const form = useFields({ initial, fields: FIELDS, message: (field) => t(`editErrors.${field}`) });
  const { values, set, bind } = form;
  const update = trpc.products.update.useMutation({
    onSuccess: () => {
      setEditing(false);
      void utils.products.invalidate();
    },
  });

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const input = {
      id: product.id,
      name: values.name,
      brand: values.brand,
      price: typedDecimal(values.price),
      onlinePrice: values.onlinePrice.trim() ? typedDecimal(values.onlinePrice) : null,
      ...(values.cost.trim() ? { cost: typedDecimal(values.cost) } : {}),
      minStock: Number(values.minStock),
      showOnline: values.showOnline,
      active: values.active,
    };
    if (form.parse(ZProductUpdate, input)) update.mutate(input);
  }

  if (!editing) {
    return (
      <Button
        variant="secondary"
        onClick={() => {
          form.setValues(initial());
          setEditing(true);
        }}
      >
        {t("edit")}
      </Button>
    );
  }
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t("editTitle")}
      className="grid gap-4 rounded-card border border-line bg-white p-5 sm:grid-cols-3"
    >
      <h2 className="text-lg font-semibold sm:col-span-3">{t("editTitle")}</h2>
      <Input label={t("name")} {...bind("name")} />
      <Input label={t("brand")} value={values.brand} onChange={(e) => set("brand", e.target.value)} />
      <Input label={t("minStock")} inputMode="numeric" {...bind("minStock")} />
      <Input label={t("price")} inputMode="decimal" {...bind("price")} />
      <Input label={t("onlinePrice")} hint={t("onlinePriceHint")} inputMode="decimal" {...bind("onlinePrice")} />
      <Input label={t("cost")} inputMode="decimal" {...bind("cost")} />
      <CheckboxField
        label={t("showOnline")}
        checked={values.showOnline}
        onChange={(checked) => set("showOnline", checked)}
      />
      <CheckboxField
        label={t("activeLabel")}
        checked={values.active}
        onChange={(checked) => set("active", checked)}
        className="sm:col-span-2"
      />
      {update.error && (
        <div className="sm:col-span-3">
          <ErrorNote>{update.error.message}</ErrorNote>
        </div>
      )}
      <div className="flex justify-end gap-2 sm:col-span-3">
        <Button type="button" variant="ghost" onClick={() => setEditing(false)}>
          {t("cancel")}
        </Button>
        <Button type="submit" disabled={update.isPending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
