"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@pos/ui";
import { toCents } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { money, shopTime, type StoreMoney } from "~/register/money";
import { ReceiptView } from "~/register/receipt-view";
import { lastDays, shiftDay } from "../dashboard/period";
import { StatusBadge } from "../orders/status-badge";
import { dayStart } from "./day-bounds";
import { VoidSale } from "./void-sale";

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
      from: dayStart(period.from, props.store.timeZone),
      to: dayStart(shiftDay(period.to, 1), props.store.timeZone),
      limit: 50,
    },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const rows = sales.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-sm text-muted">{t("subtitle")}</p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-xs text-muted">
            {t("from")}
            <input
              type="date"
              value={period.from}
              max={props.today}
              onChange={(event) => event.target.value && setPeriod({ ...period, from: event.target.value })}
              className="h-9 rounded-lg border border-line bg-white px-2 text-sm text-ink"
            />
          </label>
          <label className="flex flex-col text-xs text-muted">
            {t("to")}
            <input
              type="date"
              value={period.to}
              max={props.today}
              onChange={(event) => event.target.value && setPeriod({ ...period, to: event.target.value })}
              className="h-9 rounded-lg border border-line bg-white px-2 text-sm text-ink"
            />
          </label>
          <label className="flex flex-col text-xs text-muted">
            {t("branch")}
            <select
              value={branchId ?? ""}
              onChange={(event) => setBranchId(event.target.value ? Number(event.target.value) : undefined)}
              className="h-9 rounded-lg border border-line bg-white px-2 text-sm text-ink"
            >
              <option value="">{t("allBranches")}</option>
              {props.branches.map((branch) => (
                <option key={branch.id} value={branch.id}>
                  {branch.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      {sales.error && (
        <p role="alert" className="rounded-lg bg-danger-soft px-4 py-2 text-sm text-danger">
          {sales.error.message}
        </p>
      )}
      <div className="grid gap-5 xl:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)]">
        <div className="overflow-x-auto rounded-card border border-line bg-white">
          {sales.isSuccess && rows.length === 0 ? (
            <p className="px-5 py-10 text-center text-sm text-muted">{t("empty")}</p>
          ) : (
            <table className="w-full text-sm">
              <caption className="sr-only">{t("title")}</caption>
              <thead className="border-b border-line bg-surface text-xs uppercase tracking-wide text-muted">
                <tr>
                  <th scope="col" className="px-5 py-2 text-left font-medium">
                    {t("sale")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-left font-medium">
                    {t("who")}
                  </th>
                  <th scope="col" className="px-5 py-2 text-right font-medium">
                    {t("total")}
                  </th>
                </tr>
              </thead>
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
          {sales.hasNextPage && (
            <div className="border-t border-line p-3 text-center">
              <Button
                variant="secondary"
                disabled={sales.isFetchingNextPage}
                onClick={() => void sales.fetchNextPage()}
              >
                {t("more")}
              </Button>
            </div>
          )}
        </div>
        {selected === null ? (
          <p className="rounded-card border border-dashed border-line px-5 py-10 text-center text-sm text-muted">
            {t("pick")}
          </p>
        ) : (
          <div className="min-w-0">
            <ReceiptView key={selected} saleId={selected} stacked>
              <VoidSale saleId={selected} status={rows.find((sale) => sale.id === selected)?.status} />
            </ReceiptView>
          </div>
        )}
      </div>
    </div>
  );
}
