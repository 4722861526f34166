import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminFrame } from "~/admin/admin-frame";
import { CategoryTree } from "~/admin/categories/category-tree";
import { requireManager } from "~/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.categories");
  return { title: t("title") };
}

export default async function AdminCategoriesPage() {
  const user = await requireManager();
  return (
    <AdminFrame user={user} current="categories">
      <CategoryTree />
    </AdminFrame>
  );
}
