"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ORDER_CHANNELS, toCents } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { money, shopTime, type StoreMoney } from "~/register/money";
import { OrderDetail } from "./order-detail";
import { StatusBadge } from "./status-badge";
import { FILTER_CONTROL, FILTER_LABEL, Heading } from "../ui";

/** The statuses a manager works through, in the order they act on them; "all" shows every order. */
const TABS = ["PENDING", "CONFIRMED", "READY", "SHIPPED", "all"] as const;
type Tab = (typeof TABS)[number];
type Channel = (typeof ORDER_CHANNELS)[number];

/**
 * Online and WhatsApp orders waiting for a manager: a list by status, the chosen order beside it with what it can
 * become. New orders and changes made elsewhere arrive live (orders.onNew).
 */
export function OrderQueue({ store }: { store: StoreMoney }) {
  const t = useTranslations("admin.orders");
  const [tab, setTab] = useState<Tab>("PENDING");
  const [channel, setChannel] = useState<Channel | undefined>(undefined);
  const [selected, setSelected] = useState<number | null>(null);
  const utils = trpc.useUtils();
  const list = trpc.orders.list.useQuery({
    status: tab === "all" ? undefined : tab,
    channel,
    limit: 50,
  });
  trpc.orders.onNew.useSubscription(
    {},
    {
      onData: () => {
        void utils.orders.list.invalidate();
        void utils.orders.get.invalidate();
      },
    },
  );
  const orders = list.data?.items ?? [];

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <Heading title={t("title")} subtitle={t("subtitle")} />
        <label className={FILTER_LABEL}>
          {t("channel")}
          <select
            value={channel ?? ""}
            onChange={(event) => setChannel((event.target.value || undefined) as Channel | undefined)}
            className={FILTER_CONTROL}
          >
            <option value="">{t("allChannels")}</option>
            {ORDER_CHANNELS.map((option) => (
              <option key={option} value={option}>
                {t(`channels.${option}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="flex flex-wrap gap-2" role="tablist" aria-label={t("statusTabs")}>
        {TABS.map((option) => (
          <button
            key={option}
            type="button"
            role="tab"
            aria-selected={tab === option}
            onClick={() => {
              setTab(option);
              setSelected(null);
            }}
            className={`rounded-full border px-4 py-1.5 text-sm ${
              tab === option
                ? "border-brand-600 bg-brand-600 font-medium text-white"
                : "border-line bg-white hover:border-brand-500"
            }`}
          >
            {option === "all" ? t("all") : t(`tabs.${option}`)}
          </button>
        ))}
      </div>

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
        <section aria-label={t("list")} className="min-w-0 rounded-card border border-line bg-white">
          {list.error && (
            <p role="alert" className="px-5 py-4 text-sm text-danger">
              {list.error.message}
            </p>
          )}
          {list.isPending ? (
            <p className="px-5 py-6 text-sm text-muted">{t("loading")}</p>
          ) : orders.length === 0 ? (
            <div className="px-5 py-10 text-center">
              <p className="font-medium">{t("emptyTitle")}</p>
              <p className="mt-1 text-sm text-muted">{t("emptyBody")}</p>
            </div>
          ) : (
            <ul data-testid="order-list">
              {orders.map((order) => (
                <li key={order.id} className="border-b border-line last:border-0">
                  <button
                    type="button"
                    onClick={() => setSelected(order.id)}
                    aria-current={selected === order.id ? "true" : undefined}
                    className={`flex w-full items-center justify-between gap-3 px-5 py-3 text-left hover:bg-surface ${
                      selected === order.id ? "bg-brand-50" : ""
                    }`}
                  >
                    <span className="min-w-0">
                      <span className="flex items-center gap-2">
                        <span className="font-mono text-sm font-medium">{order.reference}</span>
                        <StatusBadge status={order.status} />
                      </span>
                      <span className="block truncate text-sm">
                        {order.contactName} · {t(`channels.${order.channel}`)}
                      </span>
                      <span className="block text-xs text-muted">
                        {shopTime(order.createdAt, store)} · {t("lines", { count: order.lineCount })}
                      </span>
                    </span>
                    <span className="shrink-0 font-medium tabular-nums">{money(toCents(order.total), store)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        {selected === null ? (
          <p className="rounded-card border border-dashed border-line px-5 py-10 text-center text-sm text-muted">
            {t("pick")}
          </p>
        ) : (
          <OrderDetail saleId={selected} store={store} />
        )}
      </div>
    </div>
  );
}
