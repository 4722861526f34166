"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { toCents } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { usePaymentLabel } from "~/register/labels";
import { money, shopTime, type StoreMoney } from "~/register/money";
import { FiguresTable } from "../dashboard/figures-table";
import { BranchField, DayField, ErrorNote, Heading } from "../ui";

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
        <Heading title={t("title")} subtitle={t("subtitle")} />
        <div className="flex flex-wrap items-end gap-3">
          <BranchField
            label={t("branch")}
            branches={props.branches}
            value={branchId}
            onChange={(picked) => picked !== undefined && setBranchId(picked)}
          />
          <DayField label={t("day")} value={day} max={props.today} onChange={setDay} />
        </div>
      </div>
      {report.error && <ErrorNote>{report.error.message}</ErrorNote>}
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
