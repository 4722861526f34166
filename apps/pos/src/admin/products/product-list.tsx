"use client";

import { useDeferredValue, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@pos/ui";
import { toCents } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { money, type StoreMoney } from "~/register/money";
import { flattenCategories } from "./categories";
import { NewProduct } from "./new-product";
import { FILTER_LABEL, Heading, TableHead } from "../ui";

/** The catalog for managers: find a product by name or category, open it, or add one. */
export function ProductList({ store }: { store: StoreMoney }) {
  const t = useTranslations("admin.products");
  const router = useRouter();
  const [query, setQuery] = useState("");
  const q = useDeferredValue(query.trim());
  const [categoryId, setCategoryId] = useState<number | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const tree = trpc.categories.tree.useQuery();
  const categories = flattenCategories(tree.data ?? []);
  const products = trpc.products.list.useQuery({ q: q || undefined, categoryId, limit: 50 });

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <Heading title={t("title")} subtitle={t("subtitle")} />
        {!adding && <Button onClick={() => setAdding(true)}>{t("new")}</Button>}
      </div>
      {adding && (
        <NewProduct
          categories={categories}
          onCreated={(id) => router.push(`/admin/products/${id}`)}
          onCancel={() => setAdding(false)}
        />
      )}
      <div className="flex flex-wrap gap-3">
        <label className="flex min-w-64 flex-1 flex-col text-xs text-muted">
          {t("search")}
          <input
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={t("searchPlaceholder")}
            className="h-10 rounded-lg border border-line bg-white px-3 text-sm text-ink"
          />
        </label>
        <label className={FILTER_LABEL}>
          {t("category")}
          <select
            value={categoryId ?? ""}
            onChange={(event) => setCategoryId(event.target.value ? Number(event.target.value) : undefined)}
            className="h-10 rounded-lg border border-line bg-white px-2 text-sm text-ink"
          >
            <option value="">{t("allCategories")}</option>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="overflow-x-auto rounded-card border border-line bg-white">
        {products.data?.items.length === 0 ? (
          <p className="px-5 py-10 text-center text-sm text-muted">{t("empty")}</p>
        ) : (
          <table className="w-full text-sm">
            <caption className="sr-only">{t("title")}</caption>
            <TableHead
              cells={[
                { label: t("name") },
                { label: t("category") },
                { label: t("sizes"), numeric: true },
                { label: t("price"), numeric: true },
                { label: t("status") },
              ]}
            />
            <tbody>
              {(products.data?.items ?? []).map((product) => (
                <tr key={product.id} className="border-b border-line last:border-0 hover:bg-surface">
                  <td className="px-5 py-2.5">
                    <Link href={`/admin/products/${product.id}`} className="font-medium text-brand-700 hover:underline">
                      {product.name}
                    </Link>
                    <span className="ml-2 text-xs text-muted">{product.brand}</span>
                  </td>
                  <td className="px-3 py-2.5">{product.category.name}</td>
                  <td className="px-3 py-2.5 text-right tabular-nums">{product.variants.length}</td>
                  <td className="px-3 py-2.5 text-right tabular-nums">{money(toCents(product.price), store)}</td>
                  <td className="px-5 py-2.5 text-xs">
                    {!product.active ? t("archived") : product.showOnline ? t("online") : t("storeOnly")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
