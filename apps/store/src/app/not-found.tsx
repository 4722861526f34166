import { getTranslations } from "next-intl/server";
import { ShopLink } from "~/shop/shop-link";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main id="main" className="flex flex-col items-center justify-center gap-3 px-4 py-24 text-center">
      <p className="text-sm font-medium text-brand-700">404</p>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <ShopLink href="/" className="text-sm font-medium text-brand-700 underline underline-offset-4">
        {t("back")}
      </ShopLink>
    </main>
  );
}
