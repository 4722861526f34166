"use client";

import { useTranslations } from "next-intl";
import { Button } from "@pos/ui";
import { toCents } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { RECEIPT_PAPER, usePaymentLabel } from "./labels";
import { money, shopTime, type StoreMoney } from "./money";

function Line({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <p className={`flex justify-between gap-2 ${strong ? "font-bold" : ""}`}>
      <span>{label}</span>
      <span className="tabular-nums">{value}</span>
    </p>
  );
}

/** The Z report of a closed session, laid out for the 80 mm printer like a receipt. */
export function ZReportView(props: { sessionId: number; store: StoreMoney; onDone: () => void }) {
  const t = useTranslations("zReport");
  const paymentLabel = usePaymentLabel();
  const report = trpc.cashSessions.zReport.useQuery({ sessionId: props.sessionId });
  const data = report.data;
  const fmt = (amount: string) => money(toCents(amount), props.store);
  const rule = <hr className="my-2 border-dashed border-black/40" />;
  return (
    <main className="mx-auto grid w-full max-w-5xl flex-1 gap-4 px-4 py-6 sm:px-6 lg:grid-cols-[1fr_20rem] lg:items-start">
      <section aria-label={t("label")} data-testid="z-report" className={RECEIPT_PAPER}>
        {!data ? (
          <p className="text-center text-muted">{report.error ? report.error.message : t("loading")}</p>
        ) : (
          <>
            <header className="text-center">
              <p className="text-base font-bold">{t("heading")}</p>
              <p>{data.session.branch.name}</p>
              <p>{data.session.cashier.name}</p>
              <p>
                {shopTime(data.session.openedAt, props.store)} →{" "}
                {data.session.closedAt ? shopTime(data.session.closedAt, props.store) : t("stillOpen")}
              </p>
            </header>
            {rule}
            <Line label={t("tickets", { units: data.sales.units })} value={String(data.sales.tickets)} />
            {data.sales.voided > 0 && <Line label={t("voided")} value={String(data.sales.voided)} />}
            <Line label={t("discounts")} value={`−${fmt(data.sales.discounts.total)}`} />
            <Line label={t("surcharges")} value={fmt(data.sales.surcharges)} />
            <Line label={t("totalSold")} value={fmt(data.sales.total)} strong />
            {rule}
            {data.sales.byMethod.map((row) => (
              <Line key={row.method} label={`${paymentLabel(row.method)} (${row.payments})`} value={fmt(row.amount)} />
            ))}
            {data.returns.count > 0 && (
              <>
                {rule}
                <Line label={t("returns", { count: data.returns.count })} value={`−${fmt(data.returns.refunded)}`} />
              </>
            )}
            {rule}
            <Line label={t("openingFloat")} value={fmt(data.session.drawer.openingFloat)} />
            <Line label={t("cashSales")} value={fmt(data.session.drawer.cashSales)} />
            <Line label={t("payInsOuts")} value={`${fmt(data.movements.payIns)} / −${fmt(data.movements.payOuts)}`} />
            <Line label={t("expected")} value={fmt(data.session.expectedCash)} strong />
            <Line label={t("counted")} value={data.session.countedCash ? fmt(data.session.countedCash) : "—"} strong />
            <p className="flex justify-between gap-2 font-bold" data-testid="z-difference">
              <span>{t("difference")}</span>
              <span className="tabular-nums">{data.session.difference ? fmt(data.session.difference) : "—"}</span>
            </p>
          </>
        )}
      </section>
      <div className="grid gap-3 print:hidden">
        <h1 className="text-xl font-semibold">{t("closed")}</h1>
        <Button size="lg" onClick={() => window.print()} disabled={!data}>
          {t("print")}
        </Button>
        <Button size="lg" variant="secondary" onClick={props.onDone}>
          {t("done")}
        </Button>
      </div>
    </main>
  );
}
