import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { STORE_TIME_ZONE } from "@pos/api";
import { isValidEan13, toCents } from "@pos/validators";
import { LabelSheet, type Label } from "~/admin/labels/label-sheet";
import { parseLabelItems } from "~/admin/labels/label-query";
import { PrintButton } from "~/admin/labels/print-button";
import { money } from "~/register/money";
import { serverCaller } from "~/server/context";
import { requireManager } from "~/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.labels");
  return { title: t("title") };
}

/** A printable page of shelf labels for chosen variants of one product; no section nav, A4 in print. */
export default async function AdminLabelsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireManager();
  const params = await searchParams;
  const productId = Number(typeof params.product === "string" ? params.product : NaN);
  if (!Number.isInteger(productId) || productId <= 0) notFound();
  const caller = await serverCaller();
  const [info, product, t] = await Promise.all([
    caller.health.info(),
    caller.products.get({ id: productId }).catch(() => null),
    getTranslations("admin.labels"),
  ]);
  if (!product) notFound();
  const store = { currency: info.currency, locale: info.locale, timeZone: STORE_TIME_ZONE };
  const labels: Label[] = parseLabelItems(typeof params.items === "string" ? params.items : undefined).flatMap(
    (item) => {
      const variant = product.variants.find((candidate) => candidate.id === item.variantId);
      if (!variant) return [];
      const price = money(toCents(variant.priceOverride ?? product.price), store);
      return Array.from({ length: item.copies }, (_, copy) => ({
        key: `${variant.id}-${copy}`,
        productName: product.name,
        size: variant.sizeLabel,
        price,
        barcode: variant.barcode,
      }));
    },
  );
  const undrawable = new Set(labels.filter((label) => !isValidEan13(label.barcode)).map((label) => label.barcode)).size;
  const toolbar = (
    <div className="mx-auto mb-6 flex max-w-[210mm] flex-wrap items-center justify-between gap-3 px-4 pt-6">
      <div>
        <Link href={`/admin/products/${product.id}`} className="text-sm text-brand-700 hover:underline">
          ← {product.name}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        {undrawable > 0 && <p className="text-sm text-danger">{t("notEan13", { count: undrawable })}</p>}
        <p className="text-sm text-muted" role="status">
          {labels.length === 0
            ? t("none")
            : t("summary", { count: labels.length, sheets: Math.ceil(labels.length / 24) })}
        </p>
      </div>
      {labels.length > 0 && <PrintButton label={t("print")} />}
    </div>
  );
  return (
    <main>
      <LabelSheet storeName={info.storeName} labels={labels} toolbar={toolbar} />
    </main>
  );
}
