"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { toCents } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { money, shopTime, type StoreMoney } from "~/register/money";

type Channel = "POS" | "ONLINE" | "WHATSAPP";
type Status = "PENDING" | "CONFIRMED" | "READY" | "SHIPPED" | "DELIVERED" | "COMPLETED" | "CANCELLED" | "VOIDED";

interface FeedItem {
  key: string;
  at: number;
  kind: "sale" | "order";
  branchId: number;
  channel: Channel;
  total?: string;
  status?: Status;
}

const KEEP = 12;

/**
 * New sales and orders as they happen (sales.onNew, orders.onNew), newest first. `onActivity` lets the page
 * refresh its figures: the feed is the signal that they changed.
 */
export function LiveFeed(props: {
  branchId?: number;
  branchName: (id: number) => string;
  store: StoreMoney;
  onActivity: () => void;
}) {
  const t = useTranslations("admin.dashboard");
  const [items, setItems] = useState<FeedItem[]>([]);
  const [connected, setConnected] = useState(false);
  const add = (item: FeedItem) => {
    setItems((current) => [item, ...current.filter((existing) => existing.key !== item.key)].slice(0, KEEP));
    props.onActivity();
  };
  const input = props.branchId === undefined ? {} : { branchId: props.branchId };
  trpc.sales.onNew.useSubscription(input, {
    onStarted: () => setConnected(true),
    onError: () => setConnected(false),
    onData: ({ id, data }) => {
      // A sync item after a reconnect says events may have been missed: the figures are re-read.
      if (data.type !== "event") {
        if (data.reason !== "start") props.onActivity();
        return;
      }
      add({ key: `sale:${id}`, at: data.at, kind: "sale", ...data.data });
    },
  });
  trpc.orders.onNew.useSubscription(input, {
    onData: ({ id, data }) => {
      if (data.type !== "event" || data.data.topic !== "order.updated") return;
      add({ key: `order:${id}`, at: data.at, kind: "order", ...data.data });
    },
  });

  return (
    <section className="rounded-card border border-line bg-white" aria-labelledby="live-feed">
      <h2
        id="live-feed"
        className="flex items-center justify-between border-b border-line px-5 py-3 text-sm font-semibold"
      >
        {t("liveTitle")}
        <span className={`flex items-center gap-1.5 text-xs font-normal ${connected ? "text-ok-ink" : "text-muted"}`}>
          <span aria-hidden className={`size-2 rounded-full ${connected ? "bg-ok" : "bg-line"}`} />
          {connected ? t("liveOn") : t("liveConnecting")}
        </span>
      </h2>
      {items.length === 0 ? (
        <p className="px-5 py-6 text-sm text-muted">{t("liveEmpty")}</p>
      ) : (
        <ul aria-live="polite" data-testid="live-feed">
          {items.map((item) => (
            <li
              key={item.key}
              className="flex items-center justify-between gap-3 border-t border-line px-5 py-2 text-sm first:border-0"
            >
              <span className="min-w-0 truncate">
                <span className="font-medium">
                  {item.kind === "sale" || item.status === undefined
                    ? t("feedSale", { channel: t(`channels.${item.channel}`) })
                    : t("feedOrder", { status: t(`statuses.${item.status}`) })}
                </span>
                <span className="ml-2 text-muted">{props.branchName(item.branchId)}</span>
              </span>
              <span className="shrink-0 text-right tabular-nums">
                {item.total !== undefined && (
                  <span className="font-medium">{money(toCents(item.total), props.store)}</span>
                )}
                <span className="ml-2 text-xs text-muted">{shopTime(item.at, props.store).split(" ").at(-1)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
