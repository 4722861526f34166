import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-sm font-medium text-brand-600">404</p>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <Link href="/" className="text-sm font-medium text-brand-700 underline underline-offset-4">
        {t("back")}
      </Link>
    </main>
  );
}
