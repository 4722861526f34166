"use client";

import { useDeferredValue, useState, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import { Button, Input } from "@pos/ui";
import { trpc } from "~/trpc/react";
import { BranchField, ErrorNote } from "../ui";

type Branch = { id: number; name: string };
interface Line {
  variantId: number;
  label: string;
  quantity: number;
}

/** A draft transfer: from where to where, and which sizes of which products, with the origin's stock in view. */
export function NewTransfer(props: { branches: readonly Branch[]; onCreated: () => void; onCancel: () => void }) {
  const t = useTranslations("admin.transfers");
  const [fromBranchId, setFrom] = useState(props.branches[0]?.id ?? 0);
  const [toBranchId, setTo] = useState(props.branches[1]?.id ?? 0);
  const [query, setQuery] = useState("");
  const typed = useDeferredValue(query.trim());
  const [productId, setProductId] = useState<number | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [notes, setNotes] = useState("");
  const found = trpc.products.search.useQuery({ q: typed, limit: 8 }, { enabled: typed.length >= 2 });
  const grid = trpc.inventory.grid.useQuery({ productId: productId ?? 0 }, { enabled: productId !== null });
  const create = trpc.transfers.create.useMutation({ onSuccess: props.onCreated });
  const origin = grid.data?.branches.findIndex((branch) => branch.id === fromBranchId) ?? -1;

  function setQuantity(variantId: number, label: string, quantity: number) {
    setLines((current) => {
      const others = current.filter((line) => line.variantId !== variantId);
      return quantity > 0 ? [...others, { variantId, label, quantity }] : others;
    });
  }

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    create.mutate({
      fromBranchId,
      toBranchId,
      notes: notes.trim() || undefined,
      items: lines.map(({ variantId, quantity }) => ({ variantId, quantity })),
    });
  }

  return (
    <form
      onSubmit={submit}
      aria-label={t("newTitle")}
      className="grid gap-4 rounded-card border border-line bg-white p-5"
    >
      <h2 className="text-lg font-semibold">{t("newTitle")}</h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <BranchField
          form
          label={t("from")}
          branches={props.branches}
          value={fromBranchId}
          onChange={(id) => setFrom(id ?? fromBranchId)}
        />
        <BranchField
          form
          label={t("to")}
          branches={props.branches}
          value={toBranchId}
          onChange={(id) => setTo(id ?? toBranchId)}
        />
      </div>
      {fromBranchId === toBranchId && (
        <p role="alert" className="text-sm text-danger">
          {t("sameBranch")}
        </p>
      )}

      <div className="grid gap-2">
        <Input
          label={t("product")}
          hint={t("productHint")}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          autoComplete="off"
        />
        {typed.length >= 2 && (found.data?.length ?? 0) > 0 && (
          <ul className="flex flex-wrap gap-2" aria-label={t("results")}>
            {found.data?.map((product) => (
              <li key={product.id}>
                <button
                  type="button"
                  onClick={() => setProductId(product.id)}
                  aria-pressed={productId === product.id}
                  className={`rounded-full border px-3 py-1 text-sm ${
                    productId === product.id
                      ? "border-brand-600 bg-brand-50 font-medium"
                      : "border-line hover:border-brand-500"
                  }`}
                >
                  {product.name}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>

      {grid.data && (
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">{t("sizesOf", { product: grid.data.product.name })}</legend>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-6">
            {grid.data.rows.map((row) => {
              const available = origin >= 0 ? (row.quantities[origin] ?? 0) : 0;
              const label = `${grid.data.product.name}${row.sizeLabel ? ` ${row.sizeLabel}` : ""}`;
              const current = lines.find((line) => line.variantId === row.id)?.quantity ?? 0;
              return (
                <label key={row.id} className="flex flex-col gap-1 rounded-lg border border-line p-2 text-sm">
                  <span className="font-medium">{row.sizeLabel ?? t("oneSize")}</span>
                  <span className="text-xs text-muted">{t("available", { count: available })}</span>
                  <input
                    type="number"
                    min={0}
                    max={Math.max(available, 0)}
                    value={current || ""}
                    aria-label={t("quantityOf", { item: label })}
                    onChange={(event) => setQuantity(row.id, label, Math.max(0, Number(event.target.value) || 0))}
                    className="h-9 rounded-md border border-line px-2 tabular-nums"
                  />
                </label>
              );
            })}
          </div>
        </fieldset>
      )}

      {lines.length > 0 && (
        <p className="text-sm" data-testid="transfer-lines">
          {t("moving")} {lines.map((line) => `${line.label} ×${line.quantity}`).join(", ")}
        </p>
      )}
      <Input label={t("notes")} value={notes} onChange={(event) => setNotes(event.target.value)} />
      {create.error && <ErrorNote>{create.error.message}</ErrorNote>}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" onClick={props.onCancel}>
          {t("discard")}
        </Button>
        <Button type="submit" disabled={lines.length === 0 || fromBranchId === toBranchId || create.isPending}>
          {t("create")}
        </Button>
      </div>
    </form>
  );
}
