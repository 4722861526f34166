import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminFrame } from "~/admin/admin-frame";
import { StaffAccounts } from "~/admin/users/staff-accounts";
import { serverCaller } from "~/server/context";
import { requireAdmin } from "~/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("title") };
}

export default async function AdminUsersPage() {
  const user = await requireAdmin();
  const branches = await (await serverCaller()).branches.list({});
  return (
    <AdminFrame user={user} current="users">
      <StaffAccounts me={user.id} branches={branches.map((branch) => ({ id: branch.id, name: branch.name }))} />
    </AdminFrame>
  );
}
