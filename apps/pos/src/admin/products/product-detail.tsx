"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { toCents } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { money, type StoreMoney } from "~/register/money";
import { ProductImages } from "./product-images";
import { ProductTerms } from "./product-terms";
import { LabelPicker } from "./label-picker";
import { StockGrid } from "./stock-grid";
import { VariantEditor } from "./variant-editor";

/** One product for a manager: its sizes with their codes, its pictures, and its stock in every branch. */
export function ProductDetail(props: {
  productId: number;
  store: StoreMoney;
  branches: readonly { id: number; name: string }[];
}) {
  const t = useTranslations("admin.products");
  const product = trpc.products.get.useQuery({ id: props.productId });
  if (!product.data) {
    return <p className="text-sm text-muted">{product.error ? product.error.message : t("loading")}</p>;
  }
  const data = product.data;
  return (
    <div className="flex flex-col gap-5">
      <div>
        <Link href="/admin/products" className="text-sm text-brand-700 hover:underline">
          ← {t("back")}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{data.name}</h1>
        <p className="text-sm text-muted" data-testid="product-terms">
          {[data.brand, data.category.name, money(toCents(data.price), props.store)].filter(Boolean).join(" · ")}
          {"cost" in data && ` · ${t("costIs", { cost: money(toCents(data.cost), props.store) })}`}
          {" · "}
          {!data.active ? t("archived") : data.showOnline ? t("online") : t("storeOnly")}
        </p>
      </div>
      <div>
        <ProductTerms key={data.updatedAt.toString()} product={data} />
      </div>
      <VariantEditor product={data} store={props.store} />
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <ProductImages productId={data.id} productName={data.name} />
        <LabelPicker product={data} branches={props.branches} />
      </div>
      <StockGrid productId={data.id} branches={props.branches} />
    </div>
  );
}
