"use client";

import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@pos/api";
import { labelsHref, MAX_LABELS } from "../labels/label-query";
import { trpc } from "~/trpc/react";
import { BranchOptions, FILTER_CONTROL } from "../ui";

type Product = RouterOutputs["products"]["get"];

/**
 * Which sizes get shelf labels and how many: one per unit on hand at a branch (after a delivery), or the same
 * number for each size; any count can then be changed by hand. Opens the printable sheet.
 */
export function LabelPicker(props: { product: Product; branches: readonly { id: number; name: string }[] }) {
  const t = useTranslations("admin.labels.picker");
  const grid = trpc.inventory.grid.useQuery({ productId: props.product.id });
  const variants = props.product.variants.filter((variant) => variant.active);
  const [basis, setBasis] = useState<"stock" | "fixed">("fixed");
  const [branchId, setBranchId] = useState(props.branches[0]?.id ?? 0);
  const [each, setEach] = useState("1");
  const [chosen, setChosen] = useState<ReadonlySet<number>>(() => new Set(variants.map((variant) => variant.id)));
  const [copies, setCopies] = useState<Record<number, string>>({});

  const column = grid.data?.branches.findIndex((branch) => branch.id === branchId) ?? -1;
  const suggested = (variantId: number) => {
    if (basis === "fixed") return Math.max(0, Math.floor(Number(each)) || 0);
    const row = grid.data?.rows.find((candidate) => candidate.id === variantId);
    return Math.max(0, row?.quantities[column] ?? 0);
  };
  const countOf = (variantId: number) => {
    const typed = copies[variantId];
    return typed === undefined ? suggested(variantId) : Math.max(0, Math.floor(Number(typed)) || 0);
  };
  const items = variants
    .filter((variant) => chosen.has(variant.id))
    .map((variant) => ({ variantId: variant.id, copies: countOf(variant.id) }));
  const total = items.reduce((sum, item) => sum + item.copies, 0);
  const tooMany = total > MAX_LABELS;

  return (
    <section aria-labelledby="labels" className="rounded-card border border-line bg-white">
      <h2 id="labels" className="border-b border-line px-5 py-3 text-sm font-semibold">
        {t("title")}
      </h2>
      <div className="grid gap-4 p-5">
        <fieldset className="flex flex-wrap items-end gap-4">
          <legend className="sr-only">{t("basis")}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="label-basis"
              checked={basis === "fixed"}
              onChange={() => {
                setBasis("fixed");
                setCopies({});
              }}
            />
            {t("fixed")}
          </label>
          <input
            aria-label={t("eachSize")}
            inputMode="numeric"
            value={each}
            disabled={basis !== "fixed"}
            onChange={(event) => {
              setEach(event.target.value);
              setCopies({});
            }}
            className={`${FILTER_CONTROL} w-16 text-right`}
          />
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="label-basis"
              checked={basis === "stock"}
              onChange={() => {
                setBasis("stock");
                setCopies({});
              }}
            />
            {t("perUnit")}
          </label>
          <select
            aria-label={t("branch")}
            value={branchId}
            disabled={basis !== "stock"}
            onChange={(event) => {
              setBranchId(Number(event.target.value));
              setCopies({});
            }}
            className={FILTER_CONTROL}
          >
            <BranchOptions branches={props.branches} />
          </select>
        </fieldset>
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          {variants.map((variant) => {
            const size = variant.sizeLabel ?? t("oneSize");
            const on = chosen.has(variant.id);
            return (
              <li
                key={variant.id}
                className="flex items-center justify-between gap-2 rounded-lg border border-line px-2 py-1.5"
              >
                <label className="flex items-center gap-2 text-sm font-medium">
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={(event) => {
                      const next = new Set(chosen);
                      if (event.target.checked) next.add(variant.id);
                      else next.delete(variant.id);
                      setChosen(next);
                    }}
                    className="size-4"
                  />
                  {size}
                </label>
                <input
                  aria-label={t("copiesOf", { size })}
                  inputMode="numeric"
                  disabled={!on}
                  value={copies[variant.id] ?? String(suggested(variant.id))}
                  onChange={(event) => setCopies({ ...copies, [variant.id]: event.target.value })}
                  className={`${FILTER_CONTROL} w-14 text-right`}
                />
              </li>
            );
          })}
        </ul>
        <div className="flex flex-wrap items-center justify-end gap-3">
          <p className={`text-sm ${tooMany ? "text-danger" : "text-muted"}`} role="status">
            {tooMany ? t("tooMany", { max: MAX_LABELS }) : t("total", { count: total })}
          </p>
          {total > 0 && !tooMany ? (
            <Link
              href={labelsHref(props.product.id, items)}
              className="inline-flex h-10 items-center rounded-lg bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
            >
              {t("open")}
            </Link>
          ) : (
            <span
              aria-disabled="true"
              className="inline-flex h-10 items-center rounded-lg border border-line bg-surface px-4 text-sm font-medium text-muted"
            >
              {t("open")}
            </span>
          )}
        </div>
      </div>
    </section>
  );
}
