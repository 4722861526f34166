import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { STORE_TIME_ZONE } from "@pos/api";
import { AdminFrame } from "~/admin/admin-frame";
import { AuditLog } from "~/admin/audit/audit-log";
import { serverCaller } from "~/server/context";
import { requireManager } from "~/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.audit");
  return { title: t("title") };
}

export default async function AdminAuditPage() {
  const user = await requireManager();
  const info = await (await serverCaller()).health.info();
  return (
    <AdminFrame user={user} current="audit">
      <AuditLog store={{ currency: info.currency, locale: info.locale, timeZone: STORE_TIME_ZONE }} />
    </AdminFrame>
  );
}
