"use client";

import { useTranslations } from "next-intl";
import { trpc } from "~/trpc/react";
import type { Catalog, CatalogItem } from "./catalog";
import { Dialog } from "./dialog";

/**
 * A product's sizes with this branch's stock; sizes with nothing on hand are shown but cannot be picked. Under
 * each size, the other branches that have it, so a customer can be sent there instead of leaving empty-handed.
 */
export function SizePicker(props: {
  branchId: number;
  sizes: readonly CatalogItem[];
  catalog: Catalog;
  onPick: (item: CatalogItem) => void;
  onClose: () => void;
}) {
  const t = useTranslations("sizePicker");
  const first = props.sizes[0];
  const elsewhere = trpc.register.elsewhere.useQuery(
    { branchId: props.branchId, productId: first?.productId ?? 0 },
    { enabled: first !== undefined, staleTime: 0, retry: false },
  );
  if (!first) return null;
  const othersOf = (variantId: number) => (elsewhere.data ?? []).filter((row) => row.variantId === variantId);
  return (
    <Dialog title={t("title", { product: first.name })} onClose={props.onClose}>
      <div className="grid grid-cols-3 gap-3 sm:grid-cols-4">
        {props.sizes.map((item, index) => {
          const stock = props.catalog.stockOf(item.variantId);
          const others = othersOf(item.variantId);
          const hint = others.map((row) => `${row.branchName} (${row.quantity})`).join(", ");
          return (
            <button
              key={item.variantId}
              type="button"
              autoFocus={index === props.sizes.findIndex((size) => props.catalog.stockOf(size.variantId) > 0)}
              disabled={stock <= 0}
              onClick={() => props.onPick(item)}
              className="flex flex-col items-center gap-1 rounded-xl border border-line bg-white px-3 py-4 text-center transition hover:border-brand-500 hover:bg-brand-50 focus-visible:border-brand-500 disabled:cursor-not-allowed disabled:bg-surface disabled:text-muted"
              aria-label={t(hint ? "optionElsewhere" : "option", {
                name: item.sizeLabel ? t("sizeName", { size: item.sizeLabel }) : t("oneSizeName"),
                stock: Math.max(stock, 0),
                branches: hint,
              })}
              data-testid="size-option"
            >
              <span className="text-2xl font-semibold">{item.sizeLabel ?? t("oneSize")}</span>
              <span className={`text-xs ${stock > 0 ? "text-muted" : "text-danger"}`}>
                {stock > 0 ? t("inStock", { count: stock }) : t("outOfStock")}
              </span>
              {others.length > 0 && (
                <span
                  className="line-clamp-2 text-[11px] leading-tight text-brand-700"
                  title={t("alsoAt", { branches: hint })}
                >
                  {t("alsoAt", { branches: hint })}
                </span>
              )}
            </button>
          );
        })}
      </div>
      <p className="mt-4 text-xs text-muted" role="status">
        {elsewhere.isError
          ? t("elsewhereOffline")
          : elsewhere.isPending
            ? t("elsewhereLoading")
            : elsewhere.data.length === 0
              ? t("elsewhereNone")
              : t("elsewhereHint")}
      </p>
    </Dialog>
  );
}
