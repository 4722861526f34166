"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { toCents } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { money, type StoreMoney } from "~/register/money";
import { FiguresTable } from "./figures-table";
import { KpiBoard } from "./kpis";
import { LiveFeed } from "./live-feed";
import { lastDays, PRESETS, type Period } from "./period";
import { SalesChart } from "./sales-chart";
import { BranchField, DayField, ErrorNote, Heading } from "../ui";

const TOP = 8;
/** Live activity refreshes the figures at most this often: a busy Saturday must not hammer the reports. */
const REFRESH_EVERY_MS = 5_000;

/** The managers' dashboard: a period and a branch to look at, its figures, and what is happening now. */
export function Dashboard(props: {
  today: string;
  store: StoreMoney;
  branches: readonly { id: number; name: string }[];
}) {
  const t = useTranslations("admin.dashboard");
  const [period, setPeriod] = useState<Period>(() => lastDays(props.today, 30));
  const [branchId, setBranchId] = useState<number | undefined>(undefined);
  const input = { ...period, ...(branchId === undefined ? {} : { branchId }) };
  const valid = period.from <= period.to;

  const dashboard = trpc.reports.dashboard.useQuery(input, { enabled: valid });
  const daily = trpc.reports.daily.useQuery(input, { enabled: valid });
  const breakdown = trpc.reports.breakdown.useQuery(input, { enabled: valid });
  const topProducts = trpc.reports.topProducts.useQuery({ ...input, limit: TOP }, { enabled: valid });
  const topCategories = trpc.reports.topCategories.useQuery({ ...input, limit: TOP }, { enabled: valid });
  const lowStock = trpc.reports.lowStock.useQuery({ branchId, limit: 10 });
  const shortfalls = trpc.reports.shortfalls.useQuery({ branchId, limit: 10 });

  const utils = trpc.useUtils();
  const lastRefresh = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refresh = useCallback(() => {
    if (pending.current) return;
    const wait = Math.max(0, lastRefresh.current + REFRESH_EVERY_MS - Date.now());
    // Leading and trailing: the first sale refreshes at once, a burst after it once more when the burst is over.
    pending.current = setTimeout(() => {
      pending.current = null;
      lastRefresh.current = Date.now();
      void utils.reports.invalidate();
    }, wait);
  }, [utils]);
  useEffect(() => () => clearTimeout(pending.current ?? undefined), []);

  const names = useMemo(() => new Map(props.branches.map((branch) => [branch.id, branch.name])), [props.branches]);
  const branchName = useCallback((id: number) => names.get(id) ?? `#${id}`, [names]);
  const cash = (amount: string) => money(toCents(amount), props.store);
  const failed = [dashboard, daily, breakdown, topProducts, topCategories].find((query) => query.error);

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <Heading title={t("title")} subtitle={t("subtitle")} />
        <form className="flex flex-wrap items-end gap-3" onSubmit={(event) => event.preventDefault()}>
          <div className="flex rounded-lg border border-line bg-white p-0.5" role="group" aria-label={t("presets")}>
            {PRESETS.map((days) => {
              const preset = lastDays(props.today, days);
              const active = preset.from === period.from && preset.to === period.to;
              return (
                <button
                  key={days}
                  type="button"
                  aria-pressed={active}
                  onClick={() => setPeriod(preset)}
                  className={`rounded-md px-3 py-1.5 text-sm ${active ? "bg-brand-600 font-medium text-white" : "text-ink hover:bg-surface"}`}
                >
                  {t("lastDays", { days })}
                </button>
              );
            })}
          </div>
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
        </form>
      </div>

      {!valid && <ErrorNote>{t("badPeriod")}</ErrorNote>}
      {failed?.error && <ErrorNote>{t("loadFailed", { message: failed.error.message })}</ErrorNote>}

      {dashboard.data ? <KpiBoard data={dashboard.data} store={props.store} /> : <Placeholder height="h-40" />}

      <div className="grid gap-5 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        {daily.data ? <SalesChart rows={daily.data} store={props.store} /> : <Placeholder height="h-80" />}
        <LiveFeed branchId={branchId} branchName={branchName} store={props.store} onActivity={refresh} />
      </div>

      {breakdown.data ? (
        <div className="grid gap-5 lg:grid-cols-2">
          <FiguresTable
            title={t("byBranch")}
            testId="by-branch"
            rows={breakdown.data.byBranch}
            rowKey={(row) => row.branchId}
            empty={t("noSales")}
            columns={[
              { header: t("branch"), cell: (row) => row.name },
              { header: t("tickets"), cell: (row) => row.tickets, numeric: true },
              { header: t("netSales"), cell: (row) => cash(row.netSales), numeric: true },
              { header: t("margin"), cell: (row) => cash(row.margin), numeric: true },
            ]}
          />
          <FiguresTable
            title={t("byMethod")}
            rows={breakdown.data.byPaymentMethod}
            rowKey={(row) => row.method}
            empty={t("noSales")}
            columns={[
              { header: t("method"), cell: (row) => t(`methods.${row.method}`) },
              { header: t("payments"), cell: (row) => row.payments, numeric: true },
              { header: t("refunds"), cell: (row) => cash(row.refunds), numeric: true },
              { header: t("net"), cell: (row) => cash(row.net), numeric: true },
            ]}
          />
          <FiguresTable
            title={t("byChannel")}
            rows={breakdown.data.byChannel}
            rowKey={(row) => row.channel}
            empty={t("noSales")}
            columns={[
              { header: t("channel"), cell: (row) => t(`channels.${row.channel}`) },
              { header: t("tickets"), cell: (row) => row.tickets, numeric: true },
              { header: t("sales"), cell: (row) => cash(row.sales), numeric: true },
              { header: t("units"), cell: (row) => row.units, numeric: true },
            ]}
          />
          <FiguresTable
            title={t("byCashier")}
            rows={breakdown.data.byCashier}
            rowKey={(row) => row.cashierId ?? "online"}
            empty={t("noSales")}
            columns={[
              { header: t("cashier"), cell: (row) => row.name ?? t("online") },
              { header: t("tickets"), cell: (row) => row.tickets, numeric: true },
              { header: t("sales"), cell: (row) => cash(row.sales), numeric: true },
              { header: t("units"), cell: (row) => row.units, numeric: true },
            ]}
          />
        </div>
      ) : (
        <Placeholder height="h-64" />
      )}

      <div className="grid gap-5 lg:grid-cols-2">
        <FiguresTable
          title={t("topProducts")}
          testId="top-products"
          rows={topProducts.data ?? []}
          rowKey={(row) => row.productId}
          empty={topProducts.data ? t("noSales") : t("loading")}
          columns={[
            { header: t("product"), cell: (row) => row.name },
            { header: t("units"), cell: (row) => row.units, numeric: true },
            { header: t("revenue"), cell: (row) => cash(row.revenue), numeric: true },
            { header: t("margin"), cell: (row) => cash(row.margin), numeric: true },
          ]}
        />
        <FiguresTable
          title={t("topCategories")}
          rows={topCategories.data ?? []}
          rowKey={(row) => row.categoryId}
          empty={topCategories.data ? t("noSales") : t("loading")}
          columns={[
            {
              header: t("category"),
              cell: (row) => (row.parentName ? `${row.parentName} › ${row.name}` : row.name),
            },
            { header: t("units"), cell: (row) => row.units, numeric: true },
            { header: t("revenue"), cell: (row) => cash(row.revenue), numeric: true },
            { header: t("margin"), cell: (row) => cash(row.margin), numeric: true },
          ]}
        />
        <FiguresTable
          title={t("lowStock")}
          testId="low-stock"
          rows={lowStock.data ?? []}
          rowKey={(row) => `${row.branchId}:${row.variantId}`}
          empty={lowStock.data ? t("noLowStock") : t("loading")}
          columns={[
            {
              header: t("product"),
              cell: (row) => `${row.productName}${row.sizeLabel ? ` · ${row.sizeLabel}` : ""}`,
            },
            { header: t("branch"), cell: (row) => row.branchName },
            { header: t("onHand"), cell: (row) => row.quantity, numeric: true },
            { header: t("minimum"), cell: (row) => row.minStock, numeric: true },
          ]}
        />
        <FiguresTable
          title={t("shortfalls")}
          rows={shortfalls.data ?? []}
          rowKey={(row) => row.id}
          empty={shortfalls.data ? t("noShortfalls") : t("loading")}
          columns={[
            {
              header: t("product"),
              cell: (row) => `${row.variant.product.name}${row.variant.sizeLabel ? ` · ${row.variant.sizeLabel}` : ""}`,
            },
            { header: t("branch"), cell: (row) => row.branch.name },
            { header: t("missing"), cell: (row) => row.quantity, numeric: true },
          ]}
        />
      </div>
    </div>
  );
}

/** Where a block will be once its figures arrive, so the page does not jump. */
function Placeholder({ height }: { height: string }) {
  return <div aria-hidden className={`${height} animate-pulse rounded-card border border-line bg-white`} />;
}
