import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { STORE_TIME_ZONE } from "@pos/api";
import { AdminFrame } from "~/admin/admin-frame";
import { ProductDetail } from "~/admin/products/product-detail";
import { serverCaller } from "~/server/context";
import { requireManager } from "~/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.products");
  return { title: t("detailTitle") };
}

export default async function AdminProductPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireManager();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const caller = await serverCaller();
  const [info, branches] = await Promise.all([caller.health.info(), caller.branches.list({})]);
  return (
    <AdminFrame user={user} current="products">
      <ProductDetail
        productId={id}
        store={{ currency: info.currency, locale: info.locale, timeZone: STORE_TIME_ZONE }}
        branches={branches.map((branch) => ({ id: branch.id, name: branch.name }))}
      />
    </AdminFrame>
  );
}
