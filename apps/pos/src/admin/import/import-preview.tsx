"use client";

import { useTranslations } from "next-intl";
import { Badge, Button } from "@pos/ui";
import type { RouterOutputs } from "@pos/api";
import { TableHead } from "../ui";
import { useDescribeProblem } from "./problems";

type Preview = RouterOutputs["imports"]["preview"];

/** What the file would do, before anything is written: counts, then the rows with the bad ones marked. */
export function ImportPreview(props: {
  preview: Preview;
  starting: boolean;
  onImport: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("admin.import");
  const describe = useDescribeProblem();
  const { preview } = props;
  return (
    <div className="flex flex-col gap-3" data-testid="import-preview">
      <p className="text-sm">
        {t("summary", {
          total: preview.totalRows,
          valid: preview.validRows,
          failed: preview.failedRows,
          created: preview.newProducts,
          updated: preview.updatedProducts,
        })}
      </p>
      {preview.ignoredColumns.length > 0 && (
        <p className="text-sm text-muted">{t("ignored", { columns: preview.ignoredColumns.join(", ") })}</p>
      )}
      {preview.rows.length < preview.totalRows && (
        <p className="text-sm text-muted">{t("partial", { shown: preview.rows.length })}</p>
      )}
      <div
        className="max-h-[28rem] overflow-auto rounded-card border border-line"
        role="region"
        aria-label={t("previewCaption")}
        // Focusable so keyboard users can scroll a long preview.
        tabIndex={0}
      >
        <table className="w-full text-sm">
          <caption className="sr-only">{t("previewCaption")}</caption>
          <TableHead
            cells={[
              { label: t("row"), numeric: true },
              { label: t("product") },
              { label: t("name") },
              { label: t("size") },
              { label: t("sku") },
              { label: t("price"), numeric: true },
              { label: t("result") },
            ]}
          />
          <tbody>
            {preview.rows.map((row) => {
              const bad = row.errors.length > 0;
              return (
                <tr
                  key={row.row}
                  data-row={row.row}
                  data-invalid={bad || undefined}
                  className={`border-b border-line align-top last:border-0 ${bad ? "bg-danger-soft" : ""}`}
                >
                  <td className="px-5 py-2 text-right tabular-nums">{row.row}</td>
                  <td className="px-3 py-2">{row.product}</td>
                  <td className="px-3 py-2">{row.name}</td>
                  <td className="px-3 py-2">{row.size}</td>
                  <td className="px-3 py-2 font-mono text-xs">{row.sku}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{row.price}</td>
                  <td className="px-5 py-2">
                    {bad ? (
                      <ul className="flex flex-col gap-0.5 text-danger">
                        {row.errors.map((error, index) => (
                          <li key={index}>{describe(error)}</li>
                        ))}
                      </ul>
                    ) : (
                      <Badge tone={row.action === "update" ? "brand" : "ok"}>{t(row.action ?? "create")}</Badge>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap gap-3">
        <Button onClick={props.onImport} disabled={preview.validRows === 0 || props.starting}>
          {t("run", { count: preview.validRows })}
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          {t("another")}
        </Button>
      </div>
    </div>
  );
}
