import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { STORE_TIME_ZONE } from "@pos/api";
import { AdminFrame } from "~/admin/admin-frame";
import { BranchDay } from "~/admin/cash/branch-day";
import { serverCaller } from "~/server/context";
import { requireManager } from "~/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.cash");
  return { title: t("title") };
}

export default async function AdminCashPage() {
  const user = await requireManager();
  const caller = await serverCaller();
  const [info, branches] = await Promise.all([caller.health.info(), caller.branches.list({})]);
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: STORE_TIME_ZONE }).format(new Date());
  return (
    <AdminFrame user={user} current="cash">
      <BranchDay
        today={today}
        store={{ currency: info.currency, locale: info.locale, timeZone: STORE_TIME_ZONE }}
        branches={branches.map((branch) => ({ id: branch.id, name: branch.name }))}
      />
    </AdminFrame>
  );
}
