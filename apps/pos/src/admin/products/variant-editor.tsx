"use client";

import { useState, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@pos/api";
import { Button } from "@pos/ui";
import { toCents, ZVariantInput } from "@pos/validators";
import { invalidFields } from "~/components/invalid-fields";
import { money, typedDecimal, type StoreMoney } from "~/register/money";
import { trpc } from "~/trpc/react";
import { ErrorNote, TableHead } from "../ui";

type Product = RouterOutputs["products"]["get"];
type Variant = Product["variants"][number];
const FIELDS = ["sku", "barcode", "priceOverride"] as const;
type Field = (typeof FIELDS)[number];

const CELL_INPUT = "h-9 w-full min-w-0 rounded-lg border bg-white px-2 text-sm text-ink";

/** The sizes of a product with their codes and prices; one row at a time opens for editing. */
export function VariantEditor({ product, store }: { product: Product; store: StoreMoney }) {
  const t = useTranslations("admin.productEdit.variants");
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <section aria-labelledby="variants" className="rounded-card border border-line bg-white">
      <h2 id="variants" className="border-b border-line px-5 py-3 text-sm font-semibold">
        {t("title", { count: product.variants.length })}
      </h2>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <TableHead
            cells={[
              { label: t("size") },
              { label: "SKU" },
              { label: t("barcode") },
              { label: t("price"), numeric: true },
              { label: <span className="sr-only">{t("actions")}</span> },
            ]}
          />
          <tbody>
            {product.variants.map((variant) =>
              editing === variant.id ? (
                <VariantRowForm key={variant.id} product={product} variant={variant} onDone={() => setEditing(null)} />
              ) : (
                <tr key={variant.id} className="border-t border-line" data-testid="variant-row">
                  <td className="px-5 py-2 font-medium">
                    {variant.sizeLabel ?? t("oneSize")}
                    {!variant.active && <span className="ml-1 text-xs font-normal text-muted">({t("retired")})</span>}
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{variant.sku}</td>
                  <td className="px-3 py-2 font-mono text-xs">{variant.barcode}</td>
                  <td className="px-3 py-2 text-right tabular-nums" data-testid="variant-price">
                    {variant.priceOverride ? (
                      <span className="font-medium">{money(toCents(variant.priceOverride), store)}</span>
                    ) : (
                      <span className="text-muted">{money(toCents(product.price), store)}</span>
                    )}
                  </td>
                  <td className="px-5 py-2 text-right">
                    <Button
                      size="sm"
                      variant="secondary"
                      disabled={editing !== null}
                      onClick={() => setEditing(variant.id)}
                      aria-label={t("editOf", { size: variant.sizeLabel ?? t("oneSize") })}
                    >
                      {t("edit")}
                    </Button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      <p className="border-t border-line px-5 py-2 text-xs text-muted">{t("hint")}</p>
    </section>
  );
}

function VariantRowForm(props: { product: Product; variant: Variant; onDone: () => void }) {
  const t = useTranslations("admin.productEdit.variants");
  const utils = trpc.useUtils();
  const { product, variant } = props;
  const size = variant.sizeLabel ?? t("oneSize");
  const [values, setValues] = useState({
    sku: variant.sku,
    barcode: variant.barcode,
    priceOverride: variant.priceOverride ?? "",
  });
  const [invalid, setInvalid] = useState<ReadonlySet<Field>>(new Set());
  const update = trpc.products.update.useMutation({
    onSuccess: (saved) => {
      utils.products.get.setData({ id: product.id }, saved);
      void utils.products.invalidate();
      props.onDone();
    },
  });
  const [generating, setGenerating] = useState(false);
  const [generateError, setGenerateError] = useState<string | null>(null);

  async function generate() {
    setGenerating(true);
    setGenerateError(null);
    try {
      const taken = product.variants.filter((other) => other.id !== variant.id).map((other) => other.barcode);
      const { barcode } = await utils.products.suggestBarcode.fetch({ productId: product.id, taken });
      setValues((current) => ({ ...current, barcode }));
      setInvalid((current) => new Set([...current].filter((field) => field !== "barcode")));
    } catch (cause) {
      setGenerateError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setGenerating(false);
    }
  }

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const input = {
      id: variant.id,
      sizeLabel: variant.sizeLabel,
      sku: values.sku,
      barcode: values.barcode,
      priceOverride: values.priceOverride.trim() ? typedDecimal(values.priceOverride) : null,
    };
    const parsed = ZVariantInput.safeParse(input);
    if (!parsed.success) {
      setInvalid(invalidFields(parsed.error, FIELDS));
      return;
    }
    setInvalid(new Set());
    update.mutate({ id: product.id, variants: [input] });
  }

  const error = (field: Field) => (invalid.has(field) ? t(`errors.${field}`) : undefined);
  const field = (
    name: Field,
    label: string,
    extra: { inputMode?: "numeric" | "decimal"; placeholder?: string } = {},
  ) => {
    const id = `variant-${variant.id}-${name}`;
    const form = `variant-${variant.id}-form`;
    const message = error(name);
    return (
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="sr-only">
          {label}
        </label>
        <input
          id={id}
          form={form}
          value={values[name]}
          onChange={(event) => {
            setValues({ ...values, [name]: event.target.value });
            if (invalid.has(name)) setInvalid(new Set([...invalid].filter((field) => field !== name)));
          }}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          className={`${CELL_INPUT} ${message ? "border-danger" : "border-line"} ${name === "priceOverride" ? "text-right" : "font-mono"}`}
          {...extra}
        />
        {message && (
          <p id={`${id}-error`} className="text-xs text-danger">
            {message}
          </p>
        )}
      </div>
    );
  };

  const row = (
    <tr className="border-t border-line bg-brand-50/40 align-top" data-testid="variant-edit">
      <th scope="row" className="px-5 py-2 text-left font-medium">
        {size}
      </th>
      <td className="px-3 py-2">{field("sku", t("skuOf", { size }))}</td>
      <td className="px-3 py-2">
        {field("barcode", t("barcodeOf", { size }), { inputMode: "numeric" })}
        <button
          type="button"
          onClick={() => void generate()}
          disabled={generating}
          className="mt-1 text-xs font-medium text-brand-700 hover:underline disabled:text-muted"
        >
          {t("generate")}
        </button>
        {generateError && <p className="text-xs text-danger">{generateError}</p>}
      </td>
      <td className="px-3 py-2">
        {field("priceOverride", t("priceOf", { size }), {
          inputMode: "decimal",
          placeholder: t("samePrice"),
        })}
      </td>
      <td className="px-5 py-2">
        <form
          id={`variant-${variant.id}-form`}
          onSubmit={submit}
          noValidate
          className="flex flex-col items-end gap-1"
          aria-label={t("formOf", { size })}
        >
          <Button type="submit" size="sm" disabled={update.isPending}>
            {t("save")}
          </Button>
          <Button size="sm" variant="ghost" onClick={props.onDone}>
            {t("cancel")}
          </Button>
        </form>
      </td>
    </tr>
  );
  if (!update.error) return row;
  return (
    <>
      {row}
      <tr className="bg-brand-50/40">
        <td colSpan={5} className="px-5 pb-3">
          <ErrorNote>{update.error.message}</ErrorNote>
        </td>
      </tr>
    </>
  );
}
