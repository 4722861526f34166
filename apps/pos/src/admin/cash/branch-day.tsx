"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { toCents } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { usePaymentLabel } from "~/register/labels";
import { money, shopTime, type StoreMoney } from "~/register/money";
import { FiguresTable } from "../dashboard/figures-table";

/**
 * A branch's day at the registers (the Z report per branch and day): what was sold and how it was paid, by
 * cashier, and every drawer with its expected and counted cash, so a manager sees which one came up short.
 */
export function BranchDay(props: {
  today: string;
  store: StoreMoney;
  branches: readonly { id: number; name: string }[];
}) {
  const t = useTranslations("admin.cash");
  const paymentLabel = usePaymentLabel();
  const [day, setDay] = useState(props.today);
  const [branchId, setBranchId] = useState(props.branches[0]?.id ?? 0);
  const report = trpc.cashSessions.branchDayReport.useQuery({ branchId, day }, { enabled: branchId > 0 });
  const cash = (amount: string) => money(toCents(amount), props.store);
  const data = report.data;

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-sm text-muted">{t("subtitle")}</p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-xs text-muted">
            {t("branch")}
            <select
              value={branchId}
              onChange={(event) => setBranchId(Number(event.target.value))}
              className="h-9 rounded-lg border border-line bg-white px-2 text-sm text-ink"
            >
              {props.branches.map((branch) => (
                <option key={branch.id} value={branch.id}>
                  {branch.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-xs text-muted">
            {t("day")}
            <input
              type="date"
              value={day}
              max={props.today}
              onChange={(event) => event.target.value && setDay(event.target.value)}
              className="h-9 rounded-lg border border-line bg-white px-2 text-sm text-ink"
            />
          </label>
        </div>
      </div>
      {report.error && (
        <p role="alert" className="rounded-lg bg-danger-soft px-4 py-2 text-sm text-danger">
          {report.error.message}
        </p>
      )}
      {data && (
        <>
          <dl
            className="grid grid-cols-2 gap-4 rounded-card border border-line bg-white p-5 sm:grid-cols-4"
            data-testid="day-totals"
          >
            <Figure label={t("tickets")} value={String(data.sales.tickets)} />
            <Figure label={t("sold")} value={cash(data.sales.total)} />
            <Figure label={t("discounts")} value={cash(data.sales.discounts.total)} />
            <Figure label={t("returns", { count: data.returns.count })} value={cash(data.returns.refunded)} />
          </dl>
          <div className="grid gap-5 lg:grid-cols-2">
            <FiguresTable
              title={t("byMethod")}
              rows={data.sales.byMethod}
              rowKey={(row) => row.method}
              empty={t("noSales")}
              columns={[
                { header: t("method"), cell: (row) => paymentLabel(row.method) },
                { header: t("payments"), cell: (row) => row.payments, numeric: true },
                { header: t("amount"), cell: (row) => cash(row.amount), numeric: true },
              ]}
            />
            <FiguresTable
              title={t("byCashier")}
              rows={data.byCashier}
              rowKey={(row) => row.cashier?.id ?? 0}
              empty={t("noSales")}
              columns={[
                { header: t("cashier"), cell: (row) => row.cashier?.name ?? "—" },
                { header: t("tickets"), cell: (row) => row.tickets, numeric: true },
                { header: t("amount"), cell: (row) => cash(row.total), numeric: true },
              ]}
            />
          </div>
          <FiguresTable
            title={t("drawers")}
            testId="drawers"
            rows={data.sessions}
            rowKey={(row) => row.id}
            empty={t("noDrawers")}
            columns={[
              { header: t("cashier"), cell: (row) => row.cashier.name },
              {
                header: t("hours"),
                cell: (row) =>
                  `${shopTime(row.openedAt, props.store)} → ${row.closedAt ? shopTime(row.closedAt, props.store) : t("open")}`,
              },
              { header: t("expected"), cell: (row) => cash(row.expectedCash), numeric: true },
              { header: t("counted"), cell: (row) => (row.countedCash ? cash(row.countedCash) : "—"), numeric: true },
              {
                header: t("difference"),
                numeric: true,
                cell: (row) =>
                  row.difference ? (
                    <span className={toCents(row.difference) < 0 ? "font-medium text-danger" : ""}>
                      {cash(row.difference)}
                    </span>
                  ) : (
                    "—"
                  ),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
