"use client";

import { useState, type SyntheticEvent } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button, Input } from "@pos/ui";
import { ZStockAdjust } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { BranchField, FORM_LABEL, FORM_SELECT } from "../ui";

/**
 * Sizes × branches of one product, and the adjustment that changes a cell: goods received, a miscount found,
 * damage written off. Each one is a ledger movement with its reason (inventory.adjust).
 */
export function StockGrid(props: { productId: number; branches: readonly { id: number; name: string }[] }) {
  const t = useTranslations("admin.products");
  const ledger = useTranslations("admin.inventory.ledger");
  const utils = trpc.useUtils();
  const grid = trpc.inventory.grid.useQuery({ productId: props.productId });
  const [form, setForm] = useState({ branchId: props.branches[0]?.id ?? 0, variantId: 0, quantity: "", reason: "" });
  const [invalid, setInvalid] = useState(false);
  const adjust = trpc.inventory.adjust.useMutation({
    onSuccess: () => {
      setForm((current) => ({ ...current, quantity: "", reason: "" }));
      void utils.inventory.grid.invalidate({ productId: props.productId });
    },
  });
  const rows = grid.data?.rows ?? [];
  const variantId = form.variantId || rows[0]?.id || 0;

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const input = { branchId: form.branchId, variantId, quantity: Number(form.quantity), reason: form.reason };
    const parsed = ZStockAdjust.safeParse(input);
    setInvalid(!parsed.success);
    if (parsed.success) adjust.mutate(parsed.data);
  }

  return (
    <section aria-labelledby="stock" className="rounded-card border border-line bg-white">
      <div className="flex items-center justify-between gap-3 border-b border-line px-5 py-3">
        <h2 id="stock" className="text-sm font-semibold">
          {t("stock")}
        </h2>
        <Link href={`/admin/inventory?productId=${props.productId}`} className="text-sm text-brand-700 hover:underline">
          {ledger("linkFromProduct")}
        </Link>
      </div>
      {grid.data && (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="stock-grid">
            <thead className="text-xs text-muted">
              <tr>
                <th scope="col" className="px-5 py-2 text-left font-medium">
                  {t("size")}
                </th>
                {grid.data.branches.map((branch) => (
                  <th key={branch.id} scope="col" className="px-3 py-2 text-right font-medium">
                    {branch.name}
                  </th>
                ))}
                <th scope="col" className="px-5 py-2 text-right font-medium">
                  {t("total")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-t border-line">
                  <th scope="row" className="px-5 py-2 text-left font-medium">
                    {row.sizeLabel ?? t("oneSize")}
                  </th>
                  {row.quantities.map((quantity, column) => (
                    <td
                      key={grid.data.branches[column]?.id ?? column}
                      className={`px-3 py-2 text-right tabular-nums ${quantity <= 0 ? "text-muted" : ""}`}
                    >
                      {quantity}
                    </td>
                  ))}
                  <td className="px-5 py-2 text-right font-medium tabular-nums">{row.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form
        onSubmit={submit}
        noValidate
        aria-label={t("adjustTitle")}
        className="grid gap-3 border-t border-line p-5 sm:grid-cols-[1fr_1fr_8rem_2fr_auto] sm:items-end"
      >
        <BranchField
          form
          label={t("branch")}
          branches={props.branches}
          value={form.branchId}
          onChange={(branchId) => setForm({ ...form, branchId: branchId ?? form.branchId })}
        />
        <label className={FORM_LABEL}>
          {t("size")}
          <select
            className={FORM_SELECT}
            value={variantId}
            onChange={(e) => setForm({ ...form, variantId: Number(e.target.value) })}
          >
            {rows.map((row) => (
              <option key={row.id} value={row.id}>
                {row.sizeLabel ?? t("oneSize")}
              </option>
            ))}
          </select>
        </label>
        <Input
          label={t("units")}
          placeholder={t("unitsHint")}
          inputMode="numeric"
          value={form.quantity}
          onChange={(e) => setForm({ ...form, quantity: e.target.value })}
        />
        <Input label={t("reason")} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
        <Button type="submit" size="lg" disabled={adjust.isPending}>
          {t("adjust")}
        </Button>
        {(invalid || adjust.error) && (
          <p role="alert" className="text-sm text-danger sm:col-span-5">
            {invalid ? t("adjustInvalid") : adjust.error?.message}
          </p>
        )}
      </form>
    </section>
  );
}
