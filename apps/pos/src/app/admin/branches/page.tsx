import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminFrame } from "~/admin/admin-frame";
import { BranchList } from "~/admin/branches/branch-list";
import { serverCaller } from "~/server/context";
import { requireAdmin } from "~/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.branches");
  return { title: t("title") };
}

export default async function AdminBranchesPage() {
  const user = await requireAdmin();
  const store = await (await serverCaller()).settings.store.get();
  return (
    <AdminFrame user={user} current="branches">
      <BranchList fulfillmentBranchId={store.fulfillmentBranchId} />
    </AdminFrame>
  );
}
