"use client";

import { useState, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import { Button, Input } from "@pos/ui";
import { ZStockCount } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { BranchField, ErrorNote, FILTER_CONTROL, TableHead } from "../ui";

type Branch = { id: number; name: string };
type Picked = { id: number; name: string };

/**
 * A shelf count of one product at one branch: find it by name or scan a code (each scan of a size's barcode
 * counts one unit), type what is on the shelf, review expected against counted, then confirm. Only the sizes
 * counted are sent; each difference becomes an adjustment with the count's reason (inventory.count).
 */
export function StockCount(props: {
  branches: readonly Branch[];
  onClose: () => void;
  onCounted: (counted: { branchId: number; product: Picked }) => void;
}) {
  const t = useTranslations("admin.inventory.count");
  const utils = trpc.useUtils();
  const [branchId, setBranchId] = useState(props.branches[0]?.id ?? 0);
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<Picked[] | null>(null);
  const [product, setProduct] = useState<Picked | null>(null);
  const [counted, setCounted] = useState<Record<number, string>>({});
  const [reason, setReason] = useState("");
  const [reviewing, setReviewing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [badLines, setBadLines] = useState<ReadonlySet<number>>(new Set());
  const [result, setResult] = useState<{ adjusted: number; name: string } | null>(null);
  const grid = trpc.inventory.grid.useQuery({ productId: product?.id ?? 0, branchId }, { enabled: product !== null });
  const count = trpc.inventory.count.useMutation({
    onSuccess: (answer) => {
      if (!product) return;
      setResult({ adjusted: answer.adjusted, name: product.name });
      setReviewing(false);
      setCounted({});
      void utils.inventory.invalidate();
      props.onCounted({ branchId, product });
    },
  });

  function pick(next: Picked) {
    if (next.id !== product?.id) setCounted({});
    setProduct(next);
    setMatches(null);
    setReviewing(false);
    setResult(null);
  }

  async function find(event: SyntheticEvent) {
    event.preventDefault();
    const text = query.trim();
    if (!text) return;
    setProblem(null);
    try {
      const scanned = /^[A-Za-z0-9._-]+$/.test(text)
        ? await utils.products.lookup.fetch({ code: text }).catch(() => null)
        : null;
      if (scanned) {
        pick({ id: scanned.product.id, name: scanned.product.name });
        setCounted((current) => ({
          ...(scanned.product.id === product?.id ? current : {}),
          [scanned.variant.id]: String(Number(current[scanned.variant.id] ?? 0) + 1),
        }));
        setQuery("");
        return;
      }
      const found = await utils.products.search.fetch({ q: text, includeInactive: false });
      const first = found[0];
      if (found.length === 1 && first) pick({ id: first.id, name: first.name });
      else setMatches(found.map((item) => ({ id: item.id, name: item.name })));
    } catch (cause) {
      setProblem(cause instanceof Error ? cause.message : String(cause));
    }
  }

  const rows = (grid.data?.rows ?? []).map((row) => {
    const typed = counted[row.id]?.trim() ?? "";
    const expected = row.quantities[0] ?? 0;
    const value = typed === "" ? null : Number(typed);
    return {
      ...row,
      expected,
      typed,
      value,
      difference: value === null || Number.isNaN(value) ? null : value - expected,
    };
  });
  const lines = rows.filter((row) => row.typed !== "");

  function review(event: SyntheticEvent) {
    event.preventDefault();
    const input = {
      branchId,
      lines: lines.map((line) => ({ variantId: line.id, counted: line.value ?? Number.NaN })),
      reason: reason.trim() || t("defaultReason"),
    };
    const parsed = ZStockCount.safeParse(input);
    if (!parsed.success) {
      const bad = parsed.error.issues.flatMap((issue) =>
        issue.path[0] === "lines" && typeof issue.path[1] === "number" ? [lines[issue.path[1]]?.id ?? 0] : [],
      );
      setBadLines(new Set(bad));
      setProblem(lines.length === 0 ? t("nothingCounted") : bad.length > 0 ? t("fixLines") : t("reasonInvalid"));
      return;
    }
    setBadLines(new Set());
    setProblem(null);
    if (reviewing) count.mutate(parsed.data);
    else setReviewing(true);
  }

  const differences = lines.filter((line) => line.difference !== 0);
  return (
    <section aria-labelledby="count-title" className="rounded-card border border-brand-100 bg-white">
      <div className="flex items-start justify-between gap-3 border-b border-line p-5">
        <div className="min-w-0">
          <h2 id="count-title" className="text-lg font-semibold">
            {t("title")}
          </h2>
          <p className="text-sm text-muted">{t("subtitle")}</p>
        </div>
        <Button variant="ghost" onClick={props.onClose}>
          {t("close")}
        </Button>
      </div>
      <div className="grid gap-4 p-5">
        <form onSubmit={(event) => void find(event)} className="grid gap-3 sm:grid-cols-[12rem_1fr_auto] sm:items-end">
          <BranchField
            form
            label={t("branch")}
            branches={props.branches}
            value={branchId}
            onChange={(id) => {
              if (id !== undefined) setBranchId(id);
              setReviewing(false);
            }}
          />
          <Input
            label={t("find")}
            hint={t("findHint")}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          <Button type="submit" size="lg" variant="secondary">
            {t("findButton")}
          </Button>
        </form>
        {matches && (
          <div>
            {matches.length === 0 ? (
              <p className="text-sm text-muted">{t("noMatches")}</p>
            ) : (
              <ul className="flex flex-wrap gap-2" aria-label={t("matches")}>
                {matches.map((match) => (
                  <li key={match.id}>
                    <Button variant="secondary" size="sm" onClick={() => pick(match)}>
                      {match.name}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {problem && !product && <ErrorNote>{problem}</ErrorNote>}
        {result && (
          <p role="status" className="rounded-lg bg-brand-50 px-4 py-2 text-sm text-brand-900">
            {t("done", { name: result.name, count: result.adjusted })}
          </p>
        )}
        {product && grid.data && (
          <form
            onSubmit={review}
            noValidate
            aria-label={t("linesTitle", { name: product.name })}
            className="grid gap-3"
          >
            <h3 className="font-medium">{t("linesTitle", { name: product.name })}</h3>
            <div className="overflow-x-auto rounded-lg border border-line">
              <table className="w-full text-sm" data-testid="count-lines">
                <TableHead
                  cells={[
                    { label: t("size") },
                    { label: t("expected"), numeric: true },
                    { label: t("counted"), numeric: true },
                    { label: t("difference"), numeric: true },
                  ]}
                />
                <tbody>
                  {(reviewing ? lines : rows).map((row) => {
                    const size = row.sizeLabel ?? t("oneSize");
                    return (
                      <tr key={row.id} className="border-t border-line" data-testid="count-line">
                        <th scope="row" className="px-5 py-2 text-left font-medium">
                          {size}
                          <span className="ml-2 font-mono text-xs font-normal text-muted">{row.sku}</span>
                        </th>
                        <td className="px-3 py-2 text-right tabular-nums">{row.expected}</td>
                        <td className="px-3 py-1 text-right">
                          {reviewing ? (
                            <span className="tabular-nums">{row.value}</span>
                          ) : (
                            <input
                              inputMode="numeric"
                              aria-label={t("countedOf", { size })}
                              aria-invalid={badLines.has(row.id) || undefined}
                              value={row.typed}
                              placeholder="—"
                              onChange={(event) => setCounted({ ...counted, [row.id]: event.target.value })}
                              className={`${FILTER_CONTROL} w-20 text-right ${badLines.has(row.id) ? "border-danger" : ""}`}
                            />
                          )}
                        </td>
                        <td
                          className={`px-5 py-2 text-right font-medium tabular-nums ${
                            row.difference === null || row.difference === 0
                              ? "text-muted"
                              : row.difference < 0
                                ? "text-danger"
                                : "text-ok-ink"
                          }`}
                          data-testid="count-difference"
                        >
                          {row.difference === null
                            ? ""
                            : row.difference > 0
                              ? `+${row.difference}`
                              : row.difference === 0
                                ? "0"
                                : `−${-row.difference}`}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {reviewing ? (
              <p className="text-sm" role="status">
                {t("reviewSummary", { lines: lines.length, differences: differences.length })}
              </p>
            ) : (
              <Input
                label={t("reason")}
                placeholder={t("defaultReason")}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
            )}
            {(problem || count.error) && <ErrorNote>{problem ?? count.error?.message}</ErrorNote>}
            <div className="flex flex-wrap justify-end gap-2">
              {reviewing && (
                <Button variant="ghost" onClick={() => setReviewing(false)}>
                  {t("back")}
                </Button>
              )}
              <Button type="submit" disabled={count.isPending}>
                {reviewing ? t("confirm") : t("review")}
              </Button>
            </div>
          </form>
        )}
        {!product && !matches && <p className="text-sm text-muted">{t("empty")}</p>}
      </div>
    </section>
  );
}
