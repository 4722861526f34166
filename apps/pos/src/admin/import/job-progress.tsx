"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { trpc } from "~/trpc/react";
import { ErrorNote } from "../ui";
import { useDescribeProblem } from "./problems";

const POLL_MS = 500;

/** A running import: a progress bar polled from the job, then the outcome and the rows that failed. */
export function JobProgress({ id, onDone }: { id: number; onDone: () => void }) {
  const t = useTranslations("admin.import");
  const describe = useDescribeProblem();
  const job = trpc.imports.get.useQuery(
    { id },
    { refetchInterval: (query) => (query.state.data?.status === "RUNNING" ? POLL_MS : false) },
  );
  const finished = job.data !== undefined && job.data.status !== "RUNNING";
  // Once per job: the history below refreshes when this one ends.
  const reported = useRef(false);
  useEffect(() => {
    if (finished && !reported.current) {
      reported.current = true;
      onDone();
    }
  }, [finished, onDone]);
  if (job.error) return <ErrorNote>{job.error.message}</ErrorNote>;
  if (!job.data) return <p className="text-sm text-muted">{t("starting")}</p>;
  const { totalRows, okRows, failedRows, status } = job.data;
  const done = okRows + failedRows;
  const percent = totalRows === 0 ? 100 : Math.round((done / totalRows) * 100);
  return (
    <div className="flex flex-col gap-3" data-testid="import-job">
      <div className="flex flex-col gap-1">
        <div className="flex justify-between text-sm">
          <span id={`import-progress-${id}`}>{t(`status.${status}`)}</span>
          <span className="tabular-nums">{t("progress", { done, total: totalRows })}</span>
        </div>
        <div
          role="progressbar"
          aria-labelledby={`import-progress-${id}`}
          aria-valuemin={0}
          aria-valuemax={totalRows}
          aria-valuenow={done}
          aria-valuetext={t("progress", { done, total: totalRows })}
          className="h-3 overflow-hidden rounded-full bg-surface ring-1 ring-line"
        >
          <div
            className={`h-full transition-[width] ${status === "FAILED" ? "bg-danger" : "bg-brand-600"}`}
            style={{ width: `${percent}%` }}
          />
        </div>
      </div>
      {finished && (
        <div role="status" className="flex flex-col gap-2">
          <p className="font-medium">
            {t(status === "FAILED" ? "failedResult" : "resultDone", { ok: okRows, failed: failedRows })}
          </p>
          {job.data.errorCount > 0 && (
            <>
              <ul
                className="flex max-h-60 flex-col gap-1 overflow-auto text-sm"
                data-testid="import-errors"
                aria-label={t("errorsCaption")}
                tabIndex={0}
              >
                {job.data.errors.map((error, index) => (
                  <li key={index} className="rounded bg-danger-soft px-3 py-1 text-danger">
                    {error.row > 0 && <span className="font-medium">{t("rowLabel", { row: error.row })} </span>}
                    {describe(error)}
                  </li>
                ))}
              </ul>
              <a
                href={`/api/downloads/import-errors?job=${id}`}
                download
                className="text-sm font-medium text-brand-700 underline"
              >
                {t("errorReport", { count: job.data.errorCount })}
              </a>
            </>
          )}
        </div>
      )}
    </div>
  );
}
