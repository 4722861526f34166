"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@pos/api";
import { dayBounds, MOVEMENT_TYPES } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { shopTime, type StoreMoney } from "~/register/money";
import { BranchField, ErrorNote, FILTER_CONTROL, FILTER_LABEL, LoadMore, TableHead } from "../ui";

type Movement = RouterOutputs["inventory"]["ledger"]["items"][number];
type MovementType = (typeof MOVEMENT_TYPES)[number];

export interface LedgerFilters {
  branchId: number | undefined;
  /** A product chosen elsewhere (its page, a count); cleared with its chip. */
  product: { id: number; name: string } | null;
  search: string;
  type: MovementType | undefined;
  reason: string;
  /** Shop days, "YYYY-MM-DD", or "" for open-ended. */
  from: string;
  to: string;
}

/** Where a movement came from, as a link when the back office has a page for it. */
function Source({ movement }: { movement: Movement }) {
  const t = useTranslations("admin.inventory.ledger");
  if (movement.transferId) {
    return (
      <Link href="/admin/transfers" className="text-brand-700 hover:underline">
        {t("transfer", { id: movement.transferId })}
      </Link>
    );
  }
  if (movement.returnId) {
    return (
      <Link href="/admin/sales" className="text-brand-700 hover:underline">
        {t("return", { id: movement.returnId })}
      </Link>
    );
  }
  if (movement.saleId) {
    return (
      <Link href="/admin/sales" className="text-brand-700 hover:underline">
        {t("sale", { id: movement.saleId })}
      </Link>
    );
  }
  if (movement.type === "ADJUSTMENT") {
    return (
      <Link href="/admin/audit" className="text-brand-700 hover:underline">
        {t("adjustment")}
      </Link>
    );
  }
  return <span className="text-muted">—</span>;
}

/** A text or date filter with its label; `value` "" means not filtering. */
function FilterInput(props: {
  label: string;
  type: "search" | "date";
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  max?: string;
}) {
  return (
    <label className={FILTER_LABEL}>
      {props.label}
      <input
        type={props.type}
        value={props.value}
        placeholder={props.placeholder}
        max={props.max}
        onChange={(event) => props.onChange(event.target.value)}
        className={FILTER_CONTROL}
      />
    </label>
  );
}

/** Every stock movement, newest first, narrowed by branch, product, kind, reason and days. */
export function Ledger(props: {
  today: string;
  store: StoreMoney;
  branches: readonly { id: number; name: string }[];
  filters: LedgerFilters;
  onFilters: (filters: LedgerFilters) => void;
}) {
  const t = useTranslations("admin.inventory.ledger");
  const types = useTranslations("admin.inventory.types");
  const { filters } = props;
  const set = (patch: Partial<LedgerFilters>) => props.onFilters({ ...filters, ...patch });
  const badRange = filters.from !== "" && filters.to !== "" && filters.from > filters.to;
  const ledger = trpc.inventory.ledger.useInfiniteQuery(
    {
      branchId: filters.branchId,
      productId: filters.product?.id,
      search: filters.search.trim() || undefined,
      reason: filters.reason.trim() || undefined,
      type: filters.type,
      from: filters.from ? dayBounds(filters.from, props.store.timeZone).from : undefined,
      to: filters.to ? dayBounds(filters.to, props.store.timeZone).to : undefined,
      limit: 50,
    },
    { getNextPageParam: (page) => page.nextCursor, enabled: !badRange },
  );
  const rows = ledger.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="ledger-title" className="rounded-card border border-line bg-white">
      <div className="flex flex-col gap-3 border-b border-line p-5">
        <h2 id="ledger-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <div className="flex flex-wrap items-end gap-3">
          <BranchField
            label={t("branch")}
            branches={props.branches}
            value={filters.branchId}
            onChange={(branchId) => set({ branchId })}
            allLabel={t("allBranches")}
          />
          <FilterInput
            label={t("search")}
            type="search"
            value={filters.search}
            onChange={(search) => set({ search })}
            placeholder={t("searchPlaceholder")}
          />
          <label className={FILTER_LABEL}>
            {t("type")}
            <select
              value={filters.type ?? ""}
              onChange={(event) => set({ type: (event.target.value || undefined) as MovementType | undefined })}
              className={FILTER_CONTROL}
            >
              <option value="">{t("allTypes")}</option>
              {MOVEMENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {types(type)}
                </option>
              ))}
            </select>
          </label>
          <FilterInput
            label={t("reason")}
            type="search"
            value={filters.reason}
            onChange={(reason) => set({ reason })}
          />
          <FilterInput
            label={t("from")}
            type="date"
            value={filters.from}
            onChange={(from) => set({ from })}
            max={props.today}
          />
          <FilterInput
            label={t("to")}
            type="date"
            value={filters.to}
            onChange={(to) => set({ to })}
            max={props.today}
          />
        </div>
        {filters.product && (
          <p className="flex items-center gap-2 text-sm">
            <span className="rounded-full bg-brand-50 px-3 py-1 text-brand-900" data-testid="ledger-product">
              {t("onlyProduct", { name: filters.product.name })}
            </span>
            <button
              type="button"
              onClick={() => set({ product: null })}
              className="text-brand-700 underline"
              aria-label={t("clearProductOf", { name: filters.product.name })}
            >
              {t("clearProduct")}
            </button>
          </p>
        )}
        {badRange && <ErrorNote>{t("badRange")}</ErrorNote>}
        {ledger.error && <ErrorNote>{ledger.error.message}</ErrorNote>}
      </div>
      {ledger.isLoading ? (
        <p className="px-5 py-10 text-center text-sm text-muted">{t("loading")}</p>
      ) : rows.length === 0 ? (
        <div className="px-5 py-10 text-center">
          <p className="font-medium">{t("emptyTitle")}</p>
          <p className="mt-1 text-sm text-muted">{t("emptyBody")}</p>
        </div>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="ledger">
            <caption className="sr-only">{t("title")}</caption>
            <TableHead
              cells={[
                { label: t("when") },
                { label: t("product") },
                { label: t("branch") },
                { label: t("type") },
                { label: t("quantity"), numeric: true },
                { label: t("balance"), numeric: true },
                { label: t("source") },
              ]}
            />
            <tbody>
              {rows.map((movement) => (
                <tr key={movement.id} className="border-t border-line align-top" data-testid="movement">
                  <td className="whitespace-nowrap px-5 py-2">
                    <span className="tabular-nums">{shopTime(movement.createdAt, props.store)}</span>
                    <span className="block text-xs text-muted">{movement.user?.name ?? t("system")}</span>
                  </td>
                  <td className="px-3 py-2">
                    <span className="font-medium">{movement.variant.product.name}</span>
                    {movement.variant.sizeLabel && <span> · {movement.variant.sizeLabel}</span>}
                    <span className="block font-mono text-xs text-muted">{movement.variant.sku}</span>
                  </td>
                  <td className="px-3 py-2">{movement.branch.name}</td>
                  <td className="px-3 py-2">
                    {types(movement.type)}
                    {movement.reason && <span className="block text-xs text-muted">{movement.reason}</span>}
                  </td>
                  <td
                    className={`px-3 py-2 text-right font-medium tabular-nums ${
                      movement.quantity < 0 ? "text-danger" : "text-ok-ink"
                    }`}
                  >
                    {movement.quantity > 0 ? `+${movement.quantity}` : `−${Math.abs(movement.quantity)}`}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{movement.balanceAfter}</td>
                  <td className="px-5 py-2">
                    <Source movement={movement} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore query={ledger} label={t("more")} />
    </section>
  );
}
