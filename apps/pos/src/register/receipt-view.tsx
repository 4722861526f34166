"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import JsBarcode from "jsbarcode";
import { Button } from "@pos/ui";
import { formatMoney } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { shopTime } from "./money";
import { RECEIPT_PAPER } from "./labels";
import { useReceiptWords } from "./receipt-words";

/** The sale's reference as a Code 128 barcode: returns scan it back. */
function SaleBarcode({ value }: { value: string }) {
  const t = useTranslations("receipt");
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (ref.current)
      JsBarcode(ref.current, value, { format: "CODE128", height: 48, width: 1.6, fontSize: 12, margin: 0 });
  }, [value]);
  return <svg ref={ref} role="img" aria-label={t("barcode", { value })} className="mx-auto" />;
}

/**
 * The receipt's text (the thermal printer's) sent on by WhatsApp or email: the customer's phone or mail app
 * opens with it filled in, and the cashier picks the contact there.
 */
function ShareReceipt({ subject, text }: { subject: string; text: string }) {
  const t = useTranslations("receipt");
  // Monospaced columns do not survive a chat bubble: spaces that only aligned columns are squeezed.
  const message = text
    .split("\n")
    .map((line) => line.replace(/ {2,}/g, "  ").trim())
    .join("\n");
  const link =
    "flex h-11 items-center justify-center rounded-lg border border-line bg-white text-sm font-medium hover:border-brand-500 hover:bg-brand-50";
  return (
    <div className="grid grid-cols-2 gap-2">
      <a className={link} href={`https://wa.me/?text=${encodeURIComponent(message)}`} target="_blank" rel="noreferrer">
        {t("shareWhatsApp")}
      </a>
      <a className={link} href={`mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(message)}`}>
        {t("shareEmail")}
      </a>
    </div>
  );
}

/**
 * The 80 mm receipt as the server composes it (the register never re-adds the numbers), printable with the
 * browser's dialog: the print stylesheet hides everything else.
 */
export function ReceiptView({
  saleId,
  onNewSale,
  children,
  stacked = false,
}: {
  saleId: number;
  /** At the register, the way back to selling; elsewhere (the back office's sale history) left out. */
  onNewSale?: () => void;
  /** More actions beside the receipt (a manager's void). */
  children?: ReactNode;
  /** Actions under the paper instead of beside it, for a narrow column. */
  stacked?: boolean;
}) {
  const t = useTranslations("receipt");
  const receipt = trpc.sales.receipt.useQuery({ saleId, columns: 48 });
  const data = receipt.data?.receipt;
  const paper = useReceiptWords(data?.shop.locale ?? "");
  const fmt = (amount: string) =>
    data ? formatMoney(amount, { currency: data.shop.currency, locale: data.shop.locale }) : amount;

  return (
    <div className={stacked ? "grid max-w-sm gap-4" : "grid gap-4 lg:grid-cols-[1fr_20rem] lg:items-start"}>
      <section aria-label={t("label")} data-testid="receipt" className={RECEIPT_PAPER}>
        {!data ? (
          <p className="text-center text-muted">{receipt.error ? receipt.error.message : t("loading")}</p>
        ) : (
          <>
            <header className="text-center">
              <p className="text-base font-bold">{data.shop.name}</p>
              <p>{data.branch.name}</p>
              <p>{data.branch.address}</p>
              <p className="mt-2">
                {paper("heading", { reference: data.reference, time: shopTime(data.date, data.shop) })}
              </p>
              {data.cashier && <p>{paper("cashier", { name: data.cashier })}</p>}
              {data.customer && (
                <p data-testid="receipt-customer">
                  {paper("customer", { name: data.customer.name })}
                  {data.customer.taxId ? ` · ${data.customer.taxId}` : ""}
                </p>
              )}
            </header>
            <hr className="my-2 border-dashed border-black/40" />
            <ul>
              {data.lines.map((line, index) => (
                <li key={index} className="py-0.5">
                  <div className="flex justify-between gap-2">
                    <span>
                      {line.name}
                      {line.size ? ` ${paper("size", { size: line.size })}` : ""}
                    </span>
                    <span className="tabular-nums">{fmt(line.lineTotal)}</span>
                  </div>
                  {line.quantity > 1 && (
                    <div className="text-black/70">
                      {line.quantity} × {fmt(line.unitPrice)}
                    </div>
                  )}
                </li>
              ))}
            </ul>
            <hr className="my-2 border-dashed border-black/40" />
            <dl className="grid grid-cols-[1fr_auto] gap-x-2">
              {data.discount !== "0.00" && (
                <>
                  <dt>{paper("discounts")}</dt>
                  <dd className="text-right tabular-nums">−{fmt(data.discount)}</dd>
                </>
              )}
              {data.surcharge !== "0.00" && (
                <>
                  <dt>{paper("surcharges")}</dt>
                  <dd className="text-right tabular-nums">{fmt(data.surcharge)}</dd>
                </>
              )}
              <dt className="text-sm font-bold">{paper("total")}</dt>
              <dd className="text-right text-sm font-bold tabular-nums" data-testid="receipt-total">
                {fmt(data.total)}
              </dd>
              <dt className="text-black/70">{data.taxIncluded ? paper("taxIncluded") : paper("tax")}</dt>
              <dd className="text-right tabular-nums text-black/70">{fmt(data.tax)}</dd>
            </dl>
            <hr className="my-2 border-dashed border-black/40" />
            <ul>
              {data.payments.map((payment, index) => (
                <li key={index} className="flex justify-between gap-2">
                  <span>
                    {payment.method}
                    {payment.installments > 1 && payment.installmentAmount
                      ? ` (${payment.installments} × ${fmt(payment.installmentAmount)})`
                      : ""}
                  </span>
                  <span className="tabular-nums">{fmt(payment.amount)}</span>
                </li>
              ))}
              {data.change !== "0.00" && (
                <li className="flex justify-between gap-2 font-bold">
                  <span>{paper("change")}</span>
                  <span className="tabular-nums" data-testid="receipt-change">
                    {fmt(data.change)}
                  </span>
                </li>
              )}
            </ul>
            <div className="mt-3">
              <SaleBarcode value={data.barcode} />
            </div>
            <p className="mt-2 text-center">{paper("thanks")}</p>
          </>
        )}
      </section>
      <div className="grid gap-3 print:hidden">
        <Button size="lg" onClick={() => window.print()} disabled={!data}>
          {t("print")}
        </Button>
        {onNewSale && (
          <Button size="lg" variant="secondary" onClick={onNewSale} autoFocus>
            {t("newSale")}
          </Button>
        )}
        {data && receipt.data && (
          <ShareReceipt subject={paper("mailSubject", { reference: data.reference })} text={receipt.data.text} />
        )}
        {children}
      </div>
    </div>
  );
}
