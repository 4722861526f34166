import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { STORE_TIME_ZONE } from "@pos/api";
import { AdminFrame } from "~/admin/admin-frame";
import { ImportExport } from "~/admin/import/import-export";
import { serverCaller } from "~/server/context";
import { requireManager } from "~/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.import");
  return { title: t("title") };
}

export default async function AdminImportPage() {
  const user = await requireManager();
  const info = await (await serverCaller()).health.info();
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: STORE_TIME_ZONE }).format(new Date());
  return (
    <AdminFrame user={user} current="import">
      <ImportExport today={today} store={{ currency: info.currency, locale: info.locale, timeZone: STORE_TIME_ZONE }} />
    </AdminFrame>
  );
}
