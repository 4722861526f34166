"use client";

import { useEffect, useState } from "react";
import { useWords } from "~/i18n/words";
import type { CheckedCart } from "@pos/api/store";
import { formatMoney } from "@pos/ui";
import { ShopLink } from "~/shop/shop-link";
import { problemOf, storeApi } from "~/trpc/client";
import { cart, useCart, type CartItem } from "./cart-store";
import { ShopImage } from "~/shop/shop-image";

/** The cart as the server prices it now; null while it is being checked. */
export function useCheckedCart(
  items: CartItem[],
  /** Bump to check again though the cart did not change (an order was refused). */
  generation = 0,
): { checked: CheckedCart | null; error: string | null } {
  const [state, setState] = useState<{ checked: CheckedCart | null; error: string | null }>({
    checked: null,
    error: null,
  });
  const key = JSON.stringify(items);
  useEffect(() => {
    let live = true;
    const lines = JSON.parse(key) as CartItem[];
    storeApi
      .cart({ lines })
      .then((checked) => live && setState({ checked, error: null }))
      .catch((error: unknown) => live && setState({ checked: null, error: problemOf(error) }));
    return () => {
      live = false;
    };
  }, [key, generation]);
  return state;
}

export function CartView({ money, whatsApp }: { money: { currency: string; locale: string }; whatsApp: boolean }) {
  const t = useWords("cart");
  const items = useCart();
  const { checked, error } = useCheckedCart(items);
  const price = (amount: string) => formatMoney(amount, money);

  if (items.length === 0) {
    return (
      <div className="rounded-2xl border border-dashed border-line px-6 py-16 text-center">
        <p className="text-lg font-medium">{t("empty")}</p>
        <ShopLink
          href="/buscar"
          className="mt-4 inline-flex h-11 items-center rounded-xl bg-brand-700 px-5 font-semibold text-white hover:bg-brand-900"
        >
          {t("browse")}
        </ShopLink>
      </div>
    );
  }
  if (error)
    return (
      <p role="alert" className="rounded-xl bg-danger-soft p-4 text-danger">
        {error}
      </p>
    );
  if (!checked)
    return (
      <p className="py-10 text-center text-muted" aria-busy="true">
        {t("checking")}
      </p>
    );

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
      <ul className="divide-y divide-line border-y border-line" aria-label={t("items")}>
        {checked.lines.map((line) => (
          <li key={line.variantId} className="flex gap-4 py-4" data-testid="cart-line">
            <div className="relative size-24 shrink-0 overflow-hidden rounded-xl bg-surface">
              {line.image && (
                <ShopImage src={line.image.url} alt={line.image.alt} fill sizes="96px" className="object-cover" />
              )}
            </div>
            <div className="flex min-w-0 flex-1 flex-col gap-1">
              <ShopLink href={`/p/${line.slug}`} className="font-medium hover:underline">
                {line.name}
              </ShopLink>
              {line.sizeLabel && <p className="text-sm text-muted">{t("size", { size: line.sizeLabel })}</p>}
              <p className="text-sm tabular-nums">{price(line.unitPrice)}</p>
              {line.problem === "GONE" && <p className="text-sm font-medium text-danger">{t("gone")}</p>}
              {line.problem === "SHORT" &&
                (line.available === 0 ? (
                  <p className="text-sm font-medium text-danger">{t("soldOut")}</p>
                ) : (
                  <p className="text-sm font-medium text-danger">
                    {t("onlyLeft", { count: line.available })}{" "}
                    <button
                      type="button"
                      className="underline"
                      onClick={() => cart.set(line.variantId, line.available)}
                    >
                      {t("takeAvailable", { count: line.available })}
                    </button>
                  </p>
                ))}
              <div className="mt-auto flex items-center gap-2 pt-1">
                <label className="sr-only" htmlFor={`qty-${line.variantId}`}>
                  {t("quantityOf", { name: line.name })}
                </label>
                <select
                  id={`qty-${line.variantId}`}
                  value={line.quantity}
                  onChange={(event) => cart.set(line.variantId, Number(event.target.value))}
                  disabled={line.problem === "GONE"}
                  className="h-9 rounded-lg border border-line bg-white px-2 text-sm"
                >
                  {Array.from({ length: Math.max(line.quantity, Math.min(line.available, 10)) }, (_, i) => i + 1).map(
                    (n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ),
                  )}
                </select>
                <button
                  type="button"
                  onClick={() => cart.set(line.variantId, 0)}
                  className="h-9 rounded-lg px-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
                >
                  {t("remove")}
                </button>
              </div>
            </div>
            <p className="font-semibold tabular-nums">{price(line.lineTotal)}</p>
          </li>
        ))}
      </ul>

      <aside className="h-fit space-y-4 rounded-2xl bg-surface p-5" aria-label={t("summary")}>
        <div className="flex items-baseline justify-between">
          <span className="text-muted">{t("subtotal")}</span>
          <span className="text-xl font-semibold tabular-nums" data-testid="cart-subtotal">
            {price(checked.subtotal)}
          </span>
        </div>
        <p className="text-sm text-muted">{t("shippingLater")}</p>
        {checked.needsReview && (
          <p role="status" className="rounded-lg bg-danger-soft p-3 text-sm text-danger">
            {t("review")}
          </p>
        )}
        <ShopLink
          href="/checkout"
          aria-disabled={checked.needsReview}
          className={`flex h-12 items-center justify-center rounded-xl text-base font-semibold ${
            checked.needsReview
              ? "pointer-events-none bg-ink/20 text-ink/60"
              : "bg-brand-700 text-white hover:bg-brand-900"
          }`}
        >
          {t("checkout")}
        </ShopLink>
        {whatsApp && (
          <ShopLink
            href="/checkout?via=whatsapp"
            aria-disabled={checked.needsReview}
            className={`flex h-12 items-center justify-center gap-2 rounded-xl border text-base font-semibold ${
              checked.needsReview
                ? "pointer-events-none border-line text-ink/50"
                : "border-[#1a7f4b] text-[#14663c] hover:bg-[#e9f7ef]"
            }`}
          >
            {t("whatsapp")}
          </ShopLink>
        )}
      </aside>
    </div>
  );
}
