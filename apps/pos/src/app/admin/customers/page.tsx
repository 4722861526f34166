import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { STORE_TIME_ZONE } from "@pos/api";
import { AdminFrame } from "~/admin/admin-frame";
import { Customers } from "~/admin/customers/customers";
import { serverCaller } from "~/server/context";
import { requireManager } from "~/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.customers");
  return { title: t("title") };
}

export default async function AdminCustomersPage() {
  const user = await requireManager();
  const info = await (await serverCaller()).health.info();
  return (
    <AdminFrame user={user} current="customers">
      <Customers store={{ currency: info.currency, locale: info.locale, timeZone: STORE_TIME_ZONE }} />
    </AdminFrame>
  );
}
