import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { STORE_TIME_ZONE } from "@pos/api";
import { AdminFrame } from "~/admin/admin-frame";
import { Inventory } from "~/admin/inventory/inventory";
import { serverCaller } from "~/server/context";
import { requireManager } from "~/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.inventory");
  return { title: t("title") };
}

const positive = (value: string | string[] | undefined) => {
  const n = Number(typeof value === "string" ? value : undefined);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** `?productId=` (from a product's stock grid) opens the ledger filtered to that product. */
export default async function AdminInventoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireManager();
  const params = await searchParams;
  const caller = await serverCaller();
  const [info, branches] = await Promise.all([caller.health.info(), caller.branches.list({})]);
  const productId = positive(params.productId);
  const product = productId ? await caller.products.get({ id: productId }).catch(() => null) : null;
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: STORE_TIME_ZONE }).format(new Date());
  return (
    <AdminFrame user={user} current="inventory">
      <Inventory
        today={today}
        store={{ currency: info.currency, locale: info.locale, timeZone: STORE_TIME_ZONE }}
        branches={branches.map((branch) => ({ id: branch.id, name: branch.name }))}
        product={product ? { id: product.id, name: product.name } : null}
      />
    </AdminFrame>
  );
}
