"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { dayBounds, toCents } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { money, shopTime, type StoreMoney } from "~/register/money";
import { ReceiptView } from "~/register/receipt-view";
import { lastDays } from "../dashboard/period";
import { StatusBadge } from "../orders/status-badge";
import { SaleReturns } from "./sale-returns";
import { VoidSale } from "./void-sale";
import { BranchField, DayField, ErrorNote, Heading, LoadMore, TableHead } from "../ui";

/** Every sale, newest first, by branch and days; one opens as its receipt, to reprint or (a manager) void. */
export function SalesHistory(props: {
  today: string;
  store: StoreMoney;
  branches: readonly { id: number; name: string }[];
}) {
  const t = useTranslations("admin.sales");
  const channels = useTranslations("admin.orders.channels");
  const [period, setPeriod] = useState(() => lastDays(props.today, 7));
  const [branchId, setBranchId] = useState<number | undefined>(undefined);
  const [selected, setSelected] = useState<number | null>(null);
  const sales = trpc.sales.list.useInfiniteQuery(
    {
      branchId,
      from: dayBounds(period.from, props.store.timeZone).from,
      to: dayBounds(period.to, props.store.timeZone).to,
      limit: 50,
    },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const rows = sales.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <Heading title={t("title")} subtitle={t("subtitle")} />
        <div className="flex flex-wrap items-end gap-3">
          <DayField
            label={t("from")}
            value={period.from}
            max={props.today}
            onChange={(from) => setPeriod({ ...period, from })}
          />
          <DayField
            label={t("to")}
            value={period.to}
            max={props.today}
            onChange={(to) => setPeriod({ ...period, to })}
          />
          <BranchField
            label={t("branch")}
            branches={props.branches}
            value={branchId}
            onChange={setBranchId}
            allLabel={t("allBranches")}
          />
        </div>
      </div>
      {sales.error && <ErrorNote>{sales.error.message}</ErrorNote>}
      <div className="grid gap-5 xl:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)]">
        <div className="overflow-x-auto rounded-card border border-line bg-white">
          {sales.isSuccess && rows.length === 0 ? (
            <p className="px-5 py-10 text-center text-sm text-muted">{t("empty")}</p>
          ) : (
            <table className="w-full text-sm">
              <caption className="sr-only">{t("title")}</caption>
              <TableHead cells={[{ label: t("sale") }, { label: t("who") }, { label: t("total"), numeric: true }]} />
              <tbody>
                {rows.map((sale) => (
                  <tr
                    key={sale.id}
                    data-testid="sale-row"
                    aria-selected={selected === sale.id}
                    className={`cursor-pointer border-b border-line last:border-0 hover:bg-surface ${
                      selected === sale.id ? "bg-brand-50" : ""
                    }`}
                    onClick={() => setSelected(sale.id)}
                  >
                    <td className="px-5 py-2.5">
                      <button
                        type="button"
                        className="font-mono font-medium text-brand-700"
                        onClick={() => setSelected(sale.id)}
                      >
                        {sale.reference}
                      </button>
                      <span className="ml-2">
                        <StatusBadge status={sale.status} />
                      </span>
                      <p className="text-xs text-muted">
                        {shopTime(sale.createdAt, props.store)} · {channels(sale.channel)}
                        {sale.createdOffline ? ` · ${t("offline")}` : ""}
                      </p>
                    </td>
                    <td className="px-3 py-2.5">
                      <p>{sale.cashier?.name ?? channels(sale.channel)}</p>
                      <p className="text-xs text-muted">
                        {sale.branchName}
                        {sale.customer ? ` · ${sale.customer.name}` : ""}
                      </p>
                    </td>
                    <td className="px-5 py-2.5 text-right tabular-nums">{money(toCents(sale.total), props.store)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <LoadMore query={sales} label={t("more")} />
        </div>
        {selected === null ? (
          <p className="rounded-card border border-dashed border-line px-5 py-10 text-center text-sm text-muted">
            {t("pick")}
          </p>
        ) : (
          <div className="min-w-0">
            <ReceiptView key={selected} saleId={selected} stacked>
              <SaleReturns saleId={selected} store={props.store} />
              <VoidSale saleId={selected} status={rows.find((sale) => sale.id === selected)?.status} />
            </ReceiptView>
          </div>
        )}
      </div>
    </div>
  );
}
