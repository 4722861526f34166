import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { STORE_TIME_ZONE } from "@pos/api";
import { AdminFrame } from "~/admin/admin-frame";
import { Dashboard } from "~/admin/dashboard/dashboard";
import { serverCaller } from "~/server/context";
import { requireManager } from "~/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.dashboard");
  return { title: t("title") };
}

export default async function AdminDashboardPage({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  const user = await requireManager();
  const caller = await serverCaller();
  const [info, branches] = await Promise.all([caller.health.info(), caller.branches.list({})]);
  // "Today" is the shop's day, wherever the manager is reading from.
  const denied = (await searchParams).denied === "admin-only";
  const t = await getTranslations("admin.frame");
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: STORE_TIME_ZONE }).format(new Date());
  return (
    <AdminFrame user={user} current="dashboard">
      {denied && (
        <p role="alert" className="mb-5 rounded-lg bg-danger-soft px-4 py-2 text-sm font-medium text-danger">
          {t("adminOnly")}
        </p>
      )}
      <Dashboard
        today={today}
        store={{ currency: info.currency, locale: info.locale, timeZone: STORE_TIME_ZONE }}
        branches={branches.map((branch) => ({ id: branch.id, name: branch.name }))}
      />
    </AdminFrame>
  );
}
