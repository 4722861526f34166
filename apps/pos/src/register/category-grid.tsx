"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@pos/api";
import { toCents } from "@pos/validators";
import { trpc } from "~/trpc/react";
import type { Catalog } from "./catalog";
import { money, type StoreMoney } from "./money";
import { offlineFriendly, useSnapshot } from "./offline/use-snapshot";

type CategoryNode = RouterOutputs["categories"]["tree"][number];

function descendants(node: CategoryNode): number[] {
  return [node.id, ...node.children.flatMap(descendants)];
}

/** Selling by touch: categories as tiles, then the category's products (sizes are picked next, as from search). */
export function CategoryGrid(props: { catalog: Catalog; store: StoreMoney; onPick: (productId: number) => void }) {
  const t = useTranslations("categories");
  const tree = useSnapshot<RouterOutputs["categories"]["tree"]>(
    "categories",
    trpc.categories.tree.useQuery(undefined, offlineFriendly),
  );
  const [open, setOpen] = useState<CategoryNode | null>(null);
  const { catalog } = props;

  const products = useMemo(() => {
    if (!open) return [];
    const ids = new Set(descendants(open));
    const seen = new Map<number, { productId: number; name: string; price: string; stock: number }>();
    for (const item of catalog.items) {
      if (!ids.has(item.categoryId)) continue;
      const stock = Math.max(catalog.stockOf(item.variantId), 0);
      const found = seen.get(item.productId);
      if (found) found.stock += stock;
      else seen.set(item.productId, { productId: item.productId, name: item.name, price: item.price, stock });
    }
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [open, catalog]);

  const tiles = open ? open.children : (tree.data ?? []);
  const tile =
    "flex min-h-24 flex-col justify-between rounded-xl border border-line bg-white p-4 text-left transition hover:border-brand-500 hover:bg-brand-50";
  return (
    <div className="grid gap-3 p-4">
      {open && (
        <button
          type="button"
          className="justify-self-start text-sm text-brand-700 hover:underline"
          onClick={() => setOpen(null)}
        >
          ← {t("all")}
        </button>
      )}
      {tiles.length > 0 && (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-4" aria-label={t("label")}>
          {tiles.map((node) => (
            <li key={node.id}>
              <button type="button" className={`${tile} w-full bg-surface`} onClick={() => setOpen(node)}>
                <span className="font-semibold">{node.name}</span>
                <span className="text-xs text-muted">{t("category")}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <ul
          className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-4"
          aria-label={t("products", { category: open.name })}
        >
          {products.map((product) => (
            <li key={product.productId}>
              <button
                type="button"
                className={`${tile} w-full disabled:cursor-not-allowed disabled:opacity-50`}
                disabled={product.stock === 0}
                onClick={() => props.onPick(product.productId)}
              >
                <span className="font-medium">{product.name}</span>
                <span className="flex items-baseline justify-between gap-2 text-sm">
                  <span className="tabular-nums">{money(toCents(product.price), props.store)}</span>
                  <span className="text-xs text-muted">
                    {product.stock > 0 ? t("inStock", { count: product.stock }) : t("outOfStock")}
                  </span>
                </span>
              </button>
            </li>
          ))}
          {products.length === 0 && <li className="col-span-full py-6 text-center text-muted">{t("empty")}</li>}
        </ul>
      )}
    </div>
  );
}
