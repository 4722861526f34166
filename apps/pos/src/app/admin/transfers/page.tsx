import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminFrame } from "~/admin/admin-frame";
import { Transfers } from "~/admin/transfers/transfers";
import { serverCaller } from "~/server/context";
import { requireManager } from "~/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.transfers");
  return { title: t("title") };
}

export default async function AdminTransfersPage() {
  const user = await requireManager();
  const branches = await (await serverCaller()).branches.list({});
  return (
    <AdminFrame user={user} current="transfers">
      <Transfers branches={branches.map((branch) => ({ id: branch.id, name: branch.name }))} />
    </AdminFrame>
  );
}
