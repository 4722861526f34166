"use client";

import { useTranslations } from "next-intl";
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RouterOutputs } from "@pos/api";
import { toCents } from "@pos/validators";
import { money, type StoreMoney } from "~/register/money";

type DailyRow = RouterOutputs["reports"]["daily"][number];

/** Net sales per day as bars, the margin they left as a line, in the store's money. */
export function SalesChart({ rows, store }: { rows: readonly DailyRow[]; store: StoreMoney }) {
  const t = useTranslations("admin.dashboard");
  const data = rows.map((row) => ({
    day: row.day,
    netSales: toCents(row.netSales) / 100,
    margin: toCents(row.margin) / 100,
    tickets: row.tickets,
  }));
  const short = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;
  const compact = new Intl.NumberFormat(store.locale, { notation: "compact", maximumFractionDigits: 1 });
  return (
    <figure className="rounded-card border border-line bg-white p-5">
      <figcaption className="mb-4 flex items-baseline justify-between gap-3">
        <span className="text-sm font-semibold">{t("chartTitle")}</span>
        <span className="flex gap-4 text-xs text-muted">
          <span className="flex items-center gap-1.5">
            <span aria-hidden className="size-2.5 rounded-sm bg-brand-500" /> {t("netSales")}
          </span>
          <span className="flex items-center gap-1.5">
            <span aria-hidden className="h-0.5 w-3 bg-ink" /> {t("margin")}
          </span>
        </span>
      </figcaption>
      <div className="h-72" role="img" aria-label={t("chartLabel", { days: rows.length })}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke="var(--color-line)" />
            <XAxis dataKey="day" tickFormatter={short} tick={{ fontSize: 12 }} minTickGap={16} tickLine={false} />
            <YAxis
              tickFormatter={(value: number) => compact.format(value)}
              tick={{ fontSize: 12 }}
              width={56}
              axisLine={false}
              tickLine={false}
            />
            <Tooltip
              formatter={(value, name) => [
                money(Math.round(Number(value) * 100), store),
                name === "margin" ? t("margin") : t("netSales"),
              ]}
              labelFormatter={(day) => (typeof day === "string" ? short(day) : "")}
            />
            <Bar dataKey="netSales" fill="var(--color-brand-500)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
            <Line dataKey="margin" stroke="var(--color-ink)" dot={false} strokeWidth={2} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
