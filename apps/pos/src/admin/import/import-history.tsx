"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@pos/ui";
import { trpc } from "~/trpc/react";
import { shopTime, type StoreMoney } from "~/register/money";
import { ErrorNote, TableHead } from "../ui";

const TONE = {
  COMPLETED: "ok",
  FAILED: "danger",
  RUNNING: "brand",
  PENDING: "neutral",
  VALIDATING: "neutral",
} as const;

/** The last imports, newest first, each with its error report when rows failed. */
export function ImportHistory({ store }: { store: StoreMoney }) {
  const t = useTranslations("admin.import");
  const jobs = trpc.imports.list.useQuery({ limit: 20 });
  return (
    <section aria-labelledby="history-heading" className="flex flex-col gap-3">
      <h2 id="history-heading" className="text-lg font-semibold">
        {t("historyTitle")}
      </h2>
      {jobs.error && <ErrorNote>{jobs.error.message}</ErrorNote>}
      <div className="overflow-x-auto rounded-card border border-line bg-white">
        {jobs.isPending ? (
          <p className="px-5 py-10 text-center text-sm text-muted" role="status">
            {t("historyLoading")}
          </p>
        ) : jobs.isSuccess && jobs.data.length === 0 ? (
          <p className="px-5 py-10 text-center text-sm text-muted">{t("historyEmpty")}</p>
        ) : (
          <table className="w-full text-sm" data-testid="import-history">
            <caption className="sr-only">{t("historyTitle")}</caption>
            <TableHead
              cells={[
                { label: t("when") },
                { label: t("file") },
                { label: t("who") },
                { label: t("statusLabel") },
                { label: t("imported"), numeric: true },
                { label: t("failed"), numeric: true },
                { label: t("report") },
              ]}
            />
            <tbody>
              {(jobs.data ?? []).map((job) => (
                <tr key={job.id} className="border-b border-line last:border-0">
                  <td className="whitespace-nowrap px-5 py-2.5 tabular-nums">{shopTime(job.createdAt, store)}</td>
                  <td className="px-3 py-2.5">{job.fileName}</td>
                  <td className="px-3 py-2.5">{job.user.name}</td>
                  <td className="px-3 py-2.5">
                    <Badge tone={TONE[job.status]}>{t(`status.${job.status}`)}</Badge>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2.5 text-right tabular-nums">
                    {t("ofTotal", { count: job.okRows, total: job.totalRows })}
                  </td>
                  <td className="px-3 py-2.5 text-right tabular-nums">{job.failedRows}</td>
                  <td className="px-5 py-2.5">
                    {job.failedRows > 0 || job.status === "FAILED" ? (
                      <a
                        href={`/api/downloads/import-errors?job=${job.id}`}
                        download
                        className="text-brand-700 underline"
                      >
                        {t("download")}
                      </a>
                    ) : (
                      <span className="text-muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
