"use client";

import { useDeferredValue, useState } from "react";
import { useTranslations } from "next-intl";
import { trpc } from "~/trpc/react";
import { shopTime, type StoreMoney } from "~/register/money";
import { ErrorNote, FILTER_LABEL, Heading, LoadMore, TableHead } from "../ui";

/** Who did what and when: voids, price overrides, role changes, stock corrections… newest first. */
export function AuditLog({ store }: { store: StoreMoney }) {
  const t = useTranslations("admin.audit");
  const [entity, setEntity] = useState("");
  const [action, setAction] = useState("");
  const filters = {
    entity: useDeferredValue(entity.trim()) || undefined,
    action: useDeferredValue(action.trim()) || undefined,
  };
  const events = trpc.audit.list.useInfiniteQuery(
    { ...filters, limit: 50 },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="flex flex-col gap-5">
      <Heading title={t("title")} subtitle={t("subtitle")} />
      <div className="flex flex-wrap gap-3">
        <label className={FILTER_LABEL}>
          {t("entity")}
          <input
            value={entity}
            onChange={(event) => setEntity(event.target.value)}
            placeholder="Sale, Product, User…"
            className="h-10 rounded-lg border border-line bg-white px-3 text-sm text-ink"
          />
        </label>
        <label className={FILTER_LABEL}>
          {t("action")}
          <input
            value={action}
            onChange={(event) => setAction(event.target.value)}
            placeholder="sale.voided"
            className="h-10 rounded-lg border border-line bg-white px-3 text-sm text-ink"
          />
        </label>
      </div>
      {events.error && <ErrorNote>{events.error.message}</ErrorNote>}
      <div className="overflow-x-auto rounded-card border border-line bg-white">
        {events.isSuccess && rows.length === 0 ? (
          <p className="px-5 py-10 text-center text-sm text-muted">{t("empty")}</p>
        ) : (
          <table className="w-full text-sm" data-testid="audit-log">
            <caption className="sr-only">{t("title")}</caption>
            <TableHead
              cells={[{ label: t("when") }, { label: t("who") }, { label: t("what") }, { label: t("details") }]}
            />
            <tbody>
              {rows.map((event) => (
                <tr key={event.id} className="border-b border-line align-top last:border-0">
                  <td className="whitespace-nowrap px-5 py-2.5 tabular-nums">{shopTime(event.createdAt, store)}</td>
                  <td className="px-3 py-2.5">{event.actor?.name ?? t("system")}</td>
                  <td className="px-3 py-2.5">
                    <p className="font-mono text-xs font-medium">{event.action}</p>
                    <p className="text-xs text-muted">
                      {event.entity} {event.entityId}
                    </p>
                  </td>
                  <td className="px-5 py-2.5">
                    <code className="line-clamp-3 max-w-xl break-all font-mono text-xs text-muted">
                      {event.data === null ? "" : JSON.stringify(event.data)}
                    </code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <LoadMore query={events} label={t("more")} />
      </div>
    </div>
  );
}
