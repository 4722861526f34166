"use client";

import { useState } from "react";
import { useWords } from "~/i18n/words";
import { formatMoney } from "@pos/ui";
import { cart, useCart } from "~/cart/cart-store";
import { ShopLink } from "~/shop/shop-link";
import { useLiveStock, type Level } from "./live-stock";

/** At or below this, the page says how many are left. */
const FEW_LEFT = 3;

export interface SizePickerProps {
  variants: { id: number; sizeLabel: string | null; price: string }[];
  priceVaries: boolean;
  fulfillingBranchId: number | null;
  branches: { id: number; name: string }[];
  stock: Level[];
  money: { currency: string; locale: string };
}

/**
 * Sizes with what is left of each, live: a size the fulfilling branch has run out of is disabled, and says which
 * other shop still has it. Adding to the cart never exceeds what is left (checkout checks again, under a lock).
 */
export function SizePicker({ variants, priceVaries, fulfillingBranchId, branches, stock, money }: SizePickerProps) {
  const t = useWords("product");
  const level = useLiveStock(
    variants.map((variant) => variant.id),
    stock,
  );
  const inCart = useCart();
  const sized = variants.some((variant) => variant.sizeLabel !== null);
  const [chosenId, setChosenId] = useState<number | null>(sized ? null : (variants[0]?.id ?? null));
  const [added, setAdded] = useState(false);
  const left = (variantId: number) => (fulfillingBranchId === null ? 0 : level(fulfillingBranchId, variantId));
  const elsewhere = (variantId: number) =>
    branches.filter((branch) => branch.id !== fulfillingBranchId && level(branch.id, variantId) > 0);
  const chosen = variants.find((variant) => variant.id === chosenId) ?? null;
  const chosenLeft = chosen ? left(chosen.id) : 0;
  const alreadyInCart = chosen ? (inCart.find((item) => item.variantId === chosen.id)?.quantity ?? 0) : 0;
  const canAdd = chosen !== null && chosenLeft > alreadyInCart;

  return (
    <div className="space-y-5">
      {sized && (
        <fieldset>
          <legend className="text-sm font-semibold">{t("size")}</legend>
          <div className="mt-2 flex flex-wrap gap-2" data-testid="sizes">
            {variants.map((variant) => {
              const quantity = left(variant.id);
              const soldOut = quantity === 0;
              return (
                <label key={variant.id} className={soldOut ? "cursor-not-allowed" : "cursor-pointer"}>
                  <input
                    type="radio"
                    name="size"
                    value={variant.id}
                    disabled={soldOut}
                    checked={chosenId === variant.id}
                    onChange={() => {
                      setChosenId(variant.id);
                      setAdded(false);
                    }}
                    className="peer sr-only"
                    aria-describedby={soldOut ? `size-${variant.id}-out` : undefined}
                  />
                  <span
                    data-size={variant.sizeLabel}
                    data-left={quantity}
                    className="inline-flex h-11 min-w-12 items-center justify-center rounded-lg border border-line px-3 text-sm font-medium peer-checked:border-brand-700 peer-checked:bg-brand-700 peer-checked:text-white peer-focus-visible:ring-2 peer-focus-visible:ring-brand-500 peer-disabled:bg-surface peer-disabled:text-muted peer-disabled:line-through"
                  >
                    {variant.sizeLabel}
                  </span>
                  {soldOut && (
                    <span id={`size-${variant.id}-out`} className="sr-only">
                      {t("soldOut")}
                    </span>
                  )}
                </label>
              );
            })}
          </div>
        </fieldset>
      )}

      <div aria-live="polite" className="min-h-6 text-sm" data-testid="availability">
        {chosen ? (
          chosenLeft === 0 ? (
            <p className="font-medium text-danger">{t("soldOutSize")}</p>
          ) : chosenLeft <= FEW_LEFT ? (
            <p className="font-medium text-amber-800">{t("onlyLeft", { count: chosenLeft })}</p>
          ) : (
            <p className="font-medium text-ok-ink">{t("inStock")}</p>
          )
        ) : sized ? (
          <p className="text-muted">{t("chooseSize")}</p>
        ) : (
          <p className="font-medium text-danger">{t("soldOutSize")}</p>
        )}
        {chosen && priceVaries && <p className="text-muted">{formatMoney(chosen.price, money)}</p>}
        {variants
          .filter((variant) => left(variant.id) === 0 && elsewhere(variant.id).length > 0)
          .map((variant) => {
            const shops = elsewhere(variant.id)
              .map((branch) => branch.name)
              .join(", ");
            return (
              <p key={variant.id} className="mt-1 text-muted" data-testid="elsewhere">
                {variant.sizeLabel === null
                  ? t("elsewhere", { shops })
                  : t("elsewhereSize", { size: variant.sizeLabel, shops })}
              </p>
            );
          })}
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          disabled={!canAdd}
          onClick={() => {
            if (!chosen) return;
            cart.add(chosen.id);
            setAdded(true);
          }}
          className="h-12 flex-1 rounded-xl bg-brand-700 px-6 text-base font-semibold text-white hover:bg-brand-900 disabled:cursor-not-allowed disabled:bg-ink/20 disabled:text-ink/60 sm:flex-none"
        >
          {t("addToCart")}
        </button>
        {added && (
          <p role="status" className="text-sm">
            {t("added")}{" "}
            <ShopLink href="/carrito" className="font-semibold text-brand-700 underline underline-offset-2">
              {t("viewCart")}
            </ShopLink>
          </p>
        )}
        {chosen && !canAdd && chosenLeft > 0 && <p className="text-sm text-muted">{t("allInCart")}</p>}
      </div>
    </div>
  );
}
