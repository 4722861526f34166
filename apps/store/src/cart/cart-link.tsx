"use client";

import { ShopLink } from "~/shop/shop-link";
import { useCart } from "./cart-store";

/** `units` has the shopper's count in place of "#", one form per plural category of the language. */
export function CartLink({
  label,
  units: forms,
  locale,
}: {
  label: string;
  units: Record<string, string>;
  locale: string;
}) {
  const units = useCart().reduce((sum, item) => sum + item.quantity, 0);
  const unitsText = (forms[new Intl.PluralRules(locale).select(units)] ?? forms.other ?? "").replace(
    "#",
    String(units),
  );
  return (
    <ShopLink
      href="/carrito"
      className="relative inline-flex h-10 items-center gap-2 rounded-md px-3 text-sm font-medium text-ink hover:bg-surface"
    >
      <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8">
        <path d="M6 7h12l-1 13H7L6 7Z" strokeLinejoin="round" />
        <path d="M9 7a3 3 0 0 1 6 0" />
      </svg>
      <span className="sr-only sm:not-sr-only">{label}</span>
      {units > 0 && <span className="sr-only">{unitsText}</span>}
      {units > 0 && (
        <span
          data-testid="cart-count"
          aria-hidden
          className="absolute -top-0.5 right-0 min-w-5 rounded-full bg-brand-600 px-1.5 text-center text-xs leading-5 text-white"
        >
          {units}
        </span>
      )}
    </ShopLink>
  );
}
