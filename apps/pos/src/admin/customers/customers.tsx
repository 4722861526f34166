"use client";

import { useDeferredValue, useState } from "react";
import { useTranslations } from "next-intl";
import { formatSaleReference, toCents } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { money, shopTime, type StoreMoney } from "~/register/money";
import { StatusBadge } from "../orders/status-badge";
import { Heading, LoadMore } from "../ui";

/** The shop's customers: found by name, phone, email or tax id; one opens with its purchases. */
export function Customers({ store }: { store: StoreMoney }) {
  const t = useTranslations("admin.customers");
  const [query, setQuery] = useState("");
  const q = useDeferredValue(query.trim());
  const [selected, setSelected] = useState<number | null>(null);
  const list = trpc.customers.search.useInfiniteQuery(
    { q: q || undefined, limit: 30 },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="flex flex-col gap-5">
      <Heading title={t("title")} subtitle={t("subtitle")} />
      <label className="flex max-w-md flex-col text-xs text-muted">
        {t("search")}
        <input
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t("searchPlaceholder")}
          className="h-10 rounded-lg border border-line bg-white px-3 text-sm text-ink"
        />
      </label>
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section aria-label={t("list")} className="rounded-card border border-line bg-white">
          {list.isSuccess && rows.length === 0 ? (
            <p className="px-5 py-10 text-center text-sm text-muted">{t("empty")}</p>
          ) : (
            <ul data-testid="customer-list">
              {rows.map((customer) => (
                <li key={customer.id} className="border-b border-line last:border-0">
                  <button
                    type="button"
                    onClick={() => setSelected(customer.id)}
                    aria-current={selected === customer.id ? "true" : undefined}
                    className={`w-full px-5 py-3 text-left hover:bg-surface ${selected === customer.id ? "bg-brand-50" : ""}`}
                  >
                    <p className="font-medium">{customer.name}</p>
                    <p className="text-xs text-muted">
                      {[customer.phone, customer.email, customer.taxId].filter(Boolean).join(" · ") || t("noContact")}
                    </p>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <LoadMore query={list} label={t("more")} />
        </section>
        {selected === null ? (
          <p className="rounded-card border border-dashed border-line px-5 py-10 text-center text-sm text-muted">
            {t("pick")}
          </p>
        ) : (
          <CustomerDetail key={selected} customerId={selected} store={store} />
        )}
      </div>
    </div>
  );
}

function CustomerDetail({ customerId, store }: { customerId: number; store: StoreMoney }) {
  const t = useTranslations("admin.customers");
  const channels = useTranslations("admin.orders.channels");
  const customer = trpc.customers.get.useQuery({ id: customerId });
  const history = trpc.customers.history.useQuery({ customerId, limit: 50 });
  const sales = history.data?.items ?? [];
  const spent = sales
    .filter((sale) => sale.status !== "CANCELLED" && sale.status !== "VOIDED")
    .reduce((sum, sale) => sum + toCents(sale.total), 0);
  if (!customer.data) return <p className="text-sm text-muted">{customer.error?.message ?? t("loading")}</p>;
  const data = customer.data;
  return (
    <section aria-label={data.name} className="rounded-card border border-line bg-white">
      <header className="border-b border-line px-5 py-4">
        <h2 className="text-lg font-semibold">{data.name}</h2>
        <p className="text-sm text-muted">
          {[data.phone, data.email, data.taxId].filter(Boolean).join(" · ") || t("noContact")}
        </p>
        {data.notes && <p className="mt-2 rounded-lg bg-surface px-3 py-2 text-sm">{data.notes}</p>}
        <p className="mt-2 text-sm" data-testid="customer-spent">
          {t("spent", { count: sales.length, amount: money(spent, store) })}
        </p>
      </header>
      {sales.length === 0 ? (
        <p className="px-5 py-6 text-sm text-muted">{t("noPurchases")}</p>
      ) : (
        <ul>
          {sales.map((sale) => (
            <li
              key={sale.id}
              className="flex items-center justify-between gap-3 border-b border-line px-5 py-2.5 text-sm last:border-0"
            >
              <span>
                <span className="font-mono font-medium">{formatSaleReference(sale.branch.code, sale.number)}</span>
                <span className="ml-2">
                  <StatusBadge status={sale.status} />
                </span>
                <span className="block text-xs text-muted">
                  {shopTime(sale.createdAt, store)} · {sale.branch.name} · {channels(sale.channel)}
                </span>
              </span>
              <span className="tabular-nums">{money(toCents(sale.total), store)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
