"use client";

import { useTranslations } from "next-intl";
import { toCents } from "@pos/validators";
import { money, shopTime, type StoreMoney } from "~/register/money";
import { trpc } from "~/trpc/react";

/** What came back from a sale, return by return: when, who, the lines (to the shelf or damaged) and the refund. */
export function SaleReturns({ saleId, store }: { saleId: number; store: StoreMoney }) {
  const t = useTranslations("admin.sales");
  const payment = useTranslations("payment");
  const returns = trpc.sales.returns.useQuery({ saleId });
  if (!returns.data || returns.data.length === 0) return null;
  return (
    <section
      aria-labelledby="sale-returns"
      className="rounded-card border border-line bg-white p-4"
      data-testid="sale-returns"
    >
      <h3 id="sale-returns" className="text-sm font-semibold">
        {t("returns", { count: returns.data.length })}
      </h3>
      <ul className="mt-2 divide-y divide-line text-sm">
        {returns.data.map((item) => (
          <li key={item.id} className="py-2">
            <p className="flex justify-between gap-3">
              <span className="text-muted">
                {shopTime(item.createdAt, store)} · {item.by}
              </span>
              <span className="font-medium tabular-nums">
                {t("refunded", {
                  amount: money(toCents(item.refundAmount), store),
                  method: payment(item.refundMethod),
                })}
              </span>
            </p>
            <ul className="mt-1">
              {item.items.map((line, index) => (
                <li key={index}>
                  {line.quantity} × {line.productName}
                  {line.sizeLabel ? ` · ${line.sizeLabel}` : ""}
                  {!line.restocked && <span className="text-danger"> · {t("damaged")}</span>}
                </li>
              ))}
            </ul>
            {item.reason && <p className="text-muted">“{item.reason}”</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
