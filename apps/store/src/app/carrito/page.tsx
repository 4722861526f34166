import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CartView } from "~/cart/cart-view";
import { IslandWords } from "~/i18n/island-words";
import { readShop } from "~/server/shop";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cart");
  return { title: t("title"), robots: { index: false } };
}

export default async function CartPage() {
  const [shop, t] = await Promise.all([readShop(), getTranslations("cart")]);
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 pt-8 sm:px-6">
      <h1 className="mb-6 text-3xl font-semibold tracking-tight">{t("title")}</h1>
      <IslandWords namespaces={["cart"]}>
        <CartView money={shop} whatsApp={shop.whatsApp} />
      </IslandWords>
    </main>
  );
}
