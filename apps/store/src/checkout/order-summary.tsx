"use client";

import { useWords } from "~/i18n/words";
import type { CartLine } from "@pos/api/store";
import { formatMoney } from "@pos/ui";

export interface Quote {
  subtotal: string;
  discount: string;
  surcharge: string;
  shipping: string;
  total: string;
}

/** The lines and the server's totals for them (discounts and surcharges of the chosen method, shipping). */
export function OrderSummary({
  lines,
  quote,
  money,
}: {
  lines: CartLine[];
  quote: Quote | null;
  money: { currency: string; locale: string };
}) {
  const t = useWords("checkout");
  const price = (amount: string) => formatMoney(amount, money);
  const row = (label: string, amount: string, sign = "") => (
    <div className="flex justify-between text-sm">
      <dt className="text-muted">{label}</dt>
      <dd className="tabular-nums">
        {sign}
        {price(amount)}
      </dd>
    </div>
  );
  return (
    <div className="space-y-4">
      <h2 className="text-lg font-semibold">{t("summary")}</h2>
      <ul className="space-y-2 text-sm">
        {lines.map((line) => (
          <li key={line.variantId} className="flex justify-between gap-3">
            <span>
              {line.quantity} × {line.name}
              {line.sizeLabel && <span className="text-muted"> · {line.sizeLabel}</span>}
            </span>
            <span className="tabular-nums">{price(line.lineTotal)}</span>
          </li>
        ))}
      </ul>
      {quote ? (
        <dl className="space-y-1.5 border-t border-line pt-3">
          {row(t("subtotal"), quote.subtotal)}
          {Number(quote.discount) > 0 && row(t("discountLine"), quote.discount, "−")}
          {Number(quote.surcharge) > 0 && row(t("surchargeLine"), quote.surcharge)}
          {row(t("shippingLine"), quote.shipping)}
          <div
            className="flex justify-between border-t border-line pt-2 text-base font-semibold"
            data-testid="checkout-total"
          >
            <dt>{t("total")}</dt>
            <dd className="tabular-nums">{price(quote.total)}</dd>
          </div>
        </dl>
      ) : (
        <p className="text-sm text-muted" aria-busy="true">
          {t("pricing")}
        </p>
      )}
    </div>
  );
}
