"use client";

import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@pos/api";
import { toCents } from "@pos/validators";
import { money, type StoreMoney } from "~/register/money";
import { change } from "./period";

type Dashboard = RouterOutputs["reports"]["dashboard"];
type Kpis = Dashboard["today"];

/** Today's figures, and the period's next to the previous period of the same length. */
export function KpiBoard({ data, store }: { data: Dashboard; store: StoreMoney }) {
  const t = useTranslations("admin.dashboard");
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
      <section aria-labelledby="kpi-today" className="rounded-card border border-line bg-white p-5">
        <h2 id="kpi-today" className="text-sm font-semibold text-muted">
          {t("today")}
        </h2>
        <p className="mt-2 text-3xl font-semibold tracking-tight tabular-nums" data-testid="kpi-today-sales">
          {money(toCents(data.today.netSales), store)}
        </p>
        <p className="mt-1 text-sm text-muted">
          {t("ticketsCount", { count: data.today.tickets })} · {t("unitsCount", { count: data.today.netUnits })}
        </p>
      </section>
      <section aria-labelledby="kpi-period" className="rounded-card border border-line bg-white p-5">
        <h2 id="kpi-period" className="text-sm font-semibold text-muted">
          {t("periodHeading", { days: data.days })}
        </h2>
        <dl className="mt-2 grid grid-cols-2 gap-4 sm:grid-cols-5">
          <Figure label={t("netSales")} now={data.period.netSales} before={data.previous.netSales} store={store} />
          <Figure label={t("tickets")} now={data.period.tickets} before={data.previous.tickets} />
          <Figure
            label={t("averageTicket")}
            now={data.period.averageTicket}
            before={data.previous.averageTicket}
            store={store}
          />
          <Figure label={t("units")} now={data.period.netUnits} before={data.previous.netUnits} />
          <Figure label={t("margin")} now={data.period.margin} before={data.previous.margin} store={store} />
        </dl>
        <p className="mt-3 text-xs text-muted">
          {t("returnsNote", { amount: money(toCents(data.period.returns), store), count: data.period.returnedUnits })}
        </p>
      </section>
    </div>
  );
}

/** One figure with its change against the previous period (money when a store is given). */
function Figure(props: { label: string; now: Kpis[keyof Kpis]; before: Kpis[keyof Kpis]; store?: StoreMoney }) {
  const t = useTranslations("admin.dashboard");
  const value = (figure: string | number) => (typeof figure === "number" ? figure : toCents(figure));
  const delta = change(value(props.now), value(props.before));
  const shown = props.store ? money(value(props.now), props.store) : value(props.now).toLocaleString();
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted">{props.label}</dt>
      <dd className="truncate text-xl font-semibold tabular-nums" title={shown}>
        {shown}
      </dd>
      <dd className={`text-xs ${delta === null ? "text-muted" : delta >= 0 ? "text-ok-ink" : "text-danger"}`}>
        {delta === null ? t("noComparison") : t("versusPrevious", { change: delta })}
      </dd>
    </div>
  );
}
