"use client";

import { useTranslations } from "next-intl";
import { Button } from "@pos/ui";
import { formatMoney } from "@pos/validators";
import { shopTime, type StoreMoney } from "./money";
import { RECEIPT_PAPER } from "./labels";
import { useReceiptWords } from "./receipt-words";
import type { QueuedSale } from "./offline/local-db";

/**
 * The receipt of a sale still in the queue: what was sold and paid, without a number (the server gives it when the
 * sale arrives). It prints like the server's receipt; the numbered one can be reprinted from history later.
 */
export function OfflineReceipt(props: {
  sale: QueuedSale;
  store: StoreMoney;
  shopName: string;
  onNewSale: () => void;
}) {
  const t = useTranslations("receipt");
  const paper = useReceiptWords(props.store.locale);
  const fmt = (amount: string) => formatMoney(amount, props.store);
  const { summary } = props.sale;
  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_20rem] lg:items-start">
      <section aria-label={t("label")} data-testid="receipt" className={RECEIPT_PAPER}>
        <header className="text-center">
          <p className="text-base font-bold">{props.shopName}</p>
          <p className="mt-2">{shopTime(props.sale.madeAt, props.store)}</p>
          <p className="font-bold">{paper("offlineHeading")}</p>
        </header>
        <hr className="my-2 border-dashed border-black/40" />
        <ul>
          {summary.lines.map((line, index) => (
            <li key={index} className="flex justify-between gap-2 py-0.5">
              <span>
                {line.quantity > 1 ? `${line.quantity} × ` : ""}
                {line.name}
                {line.size ? ` ${paper("size", { size: line.size })}` : ""}
              </span>
              <span className="tabular-nums">{fmt(line.amount)}</span>
            </li>
          ))}
        </ul>
        <hr className="my-2 border-dashed border-black/40" />
        <p className="flex justify-between text-sm font-bold">
          <span>{paper("total")}</span>
          <span className="tabular-nums" data-testid="receipt-total">
            {fmt(summary.total)}
          </span>
        </p>
        {summary.change !== "0.00" && (
          <p className="flex justify-between font-bold">
            <span>{paper("change")}</span>
            <span className="tabular-nums">{fmt(summary.change)}</span>
          </p>
        )}
        <p className="mt-3 text-center">{paper("thanks")}</p>
      </section>
      <div className="grid gap-3 print:hidden">
        <p role="status" className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {t("offlineNotice")}
        </p>
        <Button size="lg" onClick={() => window.print()}>
          {t("print")}
        </Button>
        <Button size="lg" variant="secondary" onClick={props.onNewSale} autoFocus>
          {t("newSale")}
        </Button>
      </div>
    </div>
  );
}
