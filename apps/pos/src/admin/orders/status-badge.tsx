"use client";

import { useTranslations } from "next-intl";

const TONE: Record<string, string> = {
  PENDING: "bg-amber-100 text-amber-900",
  CONFIRMED: "bg-brand-100 text-brand-900",
  READY: "bg-sky-100 text-sky-900",
  SHIPPED: "bg-sky-100 text-sky-900",
  DELIVERED: "bg-ok/15 text-ok-ink",
  CANCELLED: "bg-danger-soft text-danger",
};

type OrderStatus = "PENDING" | "CONFIRMED" | "READY" | "SHIPPED" | "DELIVERED" | "CANCELLED" | "COMPLETED" | "VOIDED";

export function StatusBadge({ status }: { status: OrderStatus }) {
  const t = useTranslations("admin.dashboard.statuses");
  return (
    <span
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium first-letter:uppercase ${TONE[status] ?? "bg-surface text-muted"}`}
    >
      {t(status)}
    </span>
  );
}
