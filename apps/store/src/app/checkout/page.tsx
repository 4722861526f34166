import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CheckoutForm } from "~/checkout/checkout-form";
import { IslandWords } from "~/i18n/island-words";
import { readShop } from "~/server/shop";

interface Props {
  searchParams: Promise<{ via?: string }>;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("checkout");
  return { title: t("title"), robots: { index: false } };
}

export default async function CheckoutPage({ searchParams }: Props) {
  const [shop, t, { via }] = await Promise.all([readShop(), getTranslations("checkout"), searchParams]);
  const whatsapp = via === "whatsapp" && shop.whatsApp;
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 pt-8 sm:px-6">
      <h1 className="mb-6 text-3xl font-semibold tracking-tight">{whatsapp ? t("titleWhatsapp") : t("title")}</h1>
      <IslandWords namespaces={["checkout", "cart"]}>
        <CheckoutForm shop={shop} via={whatsapp ? "whatsapp" : "web"} />
      </IslandWords>
    </main>
  );
}
