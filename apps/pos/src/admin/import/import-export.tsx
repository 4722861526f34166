"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { IMPORT_COLUMNS, IMPORT_HEADERS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type TImportFile } from "@pos/validators";
import { trpc } from "~/trpc/react";
import type { StoreMoney } from "~/register/money";
import { DropZone, ErrorNote, Heading } from "../ui";
import { ExportsPanel } from "./exports-panel";
import { ImportHistory } from "./import-history";
import { ImportPreview } from "./import-preview";
import { JobProgress } from "./job-progress";
import { useDescribeFileError } from "./problems";

const ACCEPT = ".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The file's bytes as base64, the way it travels to the server (it is checked again there). */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result.replace(/^data:[^,]*,/, "") : "");
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsDataURL(file);
  });
}

/** Import a catalog from CSV/XLSX (pick → preview with errors → run with progress → result) and download CSVs. */
export function ImportExport({ today, store }: { today: string; store: StoreMoney }) {
  const t = useTranslations("admin.import");
  const describeFileError = useDescribeFileError();
  const utils = trpc.useUtils();
  const [file, setFile] = useState<TImportFile | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const preview = trpc.imports.preview.useMutation();
  const start = trpc.imports.start.useMutation({
    onSuccess: (job) => {
      setJobId(job.id);
      void utils.imports.list.invalidate();
    },
  });

  async function choose(picked: File | undefined) {
    if (!picked) return;
    setJobId(null);
    preview.reset();
    start.reset();
    setFile(null);
    if (!/\.(csv|txt|xlsx)$/i.test(picked.name)) return setLocalError(t("wrongType"));
    if (picked.size > MAX_IMPORT_BYTES) return setLocalError(t("tooBig"));
    setLocalError(null);
    const chosen = { fileName: picked.name, content: await readAsBase64(picked) };
    setFile(chosen);
    preview.mutate(chosen);
  }

  const serverError = preview.error ?? start.error;
  const error = localError ?? (serverError ? describeFileError(serverError) : undefined);
  return (
    <div className="flex flex-col gap-6">
      <Heading title={t("title")} subtitle={t("subtitle")} />
      <section
        aria-labelledby="import-heading"
        className="flex flex-col gap-4 rounded-card border border-line bg-white p-5"
      >
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="import-heading" className="text-lg font-semibold">
            {t("importTitle")}
          </h2>
          <a href="/api/downloads/import-template" className="text-sm font-medium text-brand-700 underline" download>
            {t("template")}
          </a>
        </div>
        <DropZone
          as="label"
          onFiles={(files) => void choose(files[0])}
          className="cursor-pointer gap-1 rounded-card py-8 focus-within:ring-2 focus-within:ring-brand-500"
        >
          <span className="font-medium">{file ? file.fileName : t("drop")}</span>
          <span className="text-sm text-muted">
            {t("limits", { rows: MAX_IMPORT_ROWS, mb: MAX_IMPORT_BYTES / 1024 / 1024 })}
          </span>
          <input
            type="file"
            accept={ACCEPT}
            className="sr-only"
            aria-label={t("choose")}
            onChange={(event) => {
              void choose(event.target.files?.[0]);
              event.target.value = "";
            }}
          />
        </DropZone>
        <details className="text-sm text-muted">
          <summary className="cursor-pointer font-medium text-ink">{t("formatTitle")}</summary>
          <p className="mt-2">{t("formatHelp")}</p>
          <p className="mt-1 font-mono text-xs">
            {IMPORT_COLUMNS.map((column) => IMPORT_HEADERS[column]).join(" ; ")} ; stock_CÓDIGO
          </p>
        </details>
        {error && <ErrorNote>{error}</ErrorNote>}
        {preview.isPending && (
          <p className="text-sm text-muted" role="status">
            {t("checking")}
          </p>
        )}
        {preview.data && jobId === null && file && (
          <ImportPreview
            preview={preview.data}
            starting={start.isPending}
            onImport={() => start.mutate(file)}
            onCancel={() => {
              preview.reset();
              setFile(null);
            }}
          />
        )}
        {jobId !== null && <JobProgress id={jobId} onDone={() => void utils.imports.list.invalidate()} />}
      </section>
      <ExportsPanel today={today} />
      <ImportHistory store={store} />
    </div>
  );
}
