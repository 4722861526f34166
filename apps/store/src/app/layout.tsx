import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { readShop } from "~/server/shop";
import { ClosedStore } from "~/shop/closed-store";
import { SiteFooter } from "~/shop/site-footer";
import { SiteHeader } from "~/shop/site-header";
import { siteUrl } from "~/shop/site-url";
import "./globals.css";

// Stock and settings change while the site runs: pages render per request (see README, "Storefront caching").
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const [shop, t] = await Promise.all([readShop(), getTranslations("meta")]);
  const description = shop.description || t("description", { store: shop.storeName });
  return {
    metadataBase: await siteUrl(),
    title: { default: shop.storeName, template: `%s · ${shop.storeName}` },
    description,
    openGraph: { siteName: shop.storeName, type: "website", description },
  };
}

export const viewport: Viewport = { themeColor: "#0f5257", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [shop, locale] = await Promise.all([readShop(), getLocale()]);
  return (
    // No web font: the shopper's system font shows the first words without a download, which on a phone's mobile
    // data is the difference between a page that appears and one that waits (see bench/store.ts).
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col bg-white font-sans">
        <SiteHeader shop={shop} />
        <div className="flex-1">{shop.open ? children : <ClosedStore shop={shop} />}</div>
        <SiteFooter shop={shop} />
      </body>
    </html>
  );
}
