import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminFrame } from "~/admin/admin-frame";
import { StoreSettings } from "~/admin/settings/store-settings";
import { serverCaller } from "~/server/context";
import { requireAdmin } from "~/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.settings");
  return { title: t("title") };
}

export default async function AdminSettingsPage() {
  const user = await requireAdmin();
  const caller = await serverCaller();
  const [store, whatsapp, branches] = await Promise.all([
    caller.settings.store.get(),
    caller.settings.whatsapp.get(),
    caller.branches.list({}),
  ]);
  return (
    <AdminFrame user={user} current="settings">
      <StoreSettings
        store={store}
        whatsapp={whatsapp}
        branches={branches.map((branch) => ({
          id: branch.id,
          name: branch.name,
          active: "active" in branch && branch.active,
          sellsOnline: "sellsOnline" in branch && branch.sellsOnline,
        }))}
      />
    </AdminFrame>
  );
}
