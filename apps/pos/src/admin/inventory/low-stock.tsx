"use client";

import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { trpc } from "~/trpc/react";
import { BranchField, ErrorNote, TableHead } from "../ui";

/** What one branch is running low on: at or below the product's minimum, most urgent first. */
export function LowStock({ branches }: { branches: readonly { id: number; name: string }[] }) {
  const t = useTranslations("admin.inventory.low");
  const [branchId, setBranchId] = useState<number | undefined>(branches[0]?.id);
  const low = trpc.inventory.lowStock.useQuery({ branchId: branchId ?? 0 }, { enabled: branchId !== undefined });
  const rows = low.data ?? [];
  return (
    <section aria-labelledby="low-title" className="rounded-card border border-line bg-white">
      <div className="flex flex-wrap items-end justify-between gap-3 border-b border-line p-5">
        <div>
          <h2 id="low-title" className="text-lg font-semibold">
            {t("title")}
          </h2>
          <p className="text-sm text-muted">{t("subtitle")}</p>
        </div>
        <BranchField label={t("branch")} branches={branches} value={branchId} onChange={setBranchId} />
      </div>
      {low.error && <ErrorNote>{low.error.message}</ErrorNote>}
      {low.isLoading ? (
        <p className="px-5 py-8 text-center text-sm text-muted">{t("loading")}</p>
      ) : rows.length === 0 ? (
        <p className="px-5 py-8 text-center text-sm text-muted">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="low-stock">
            <caption className="sr-only">{t("title")}</caption>
            <TableHead
              cells={[
                { label: t("product") },
                { label: t("onHand"), numeric: true },
                { label: t("minimum"), numeric: true },
              ]}
            />
            <tbody>
              {rows.map((row) => (
                <tr key={row.variantId} className="border-t border-line">
                  <td className="px-5 py-2">
                    <Link
                      href={`/admin/products/${row.productId}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {row.productName}
                    </Link>
                    {row.sizeLabel && <span> · {row.sizeLabel}</span>}
                    <span className="ml-2 font-mono text-xs text-muted">{row.sku}</span>
                  </td>
                  <td
                    className={`px-3 py-2 text-right tabular-nums ${row.quantity <= 0 ? "font-semibold text-danger" : ""}`}
                  >
                    {row.quantity}
                  </td>
                  <td className="px-5 py-2 text-right tabular-nums">{row.minStock}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
