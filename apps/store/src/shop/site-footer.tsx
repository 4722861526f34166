import { getTranslations } from "next-intl/server";
import type { ShopFront } from "@pos/api/store";
import { ShopLink } from "./shop-link";

const PLATFORM_NAMES: Record<string, string> = {
  instagram: "Instagram",
  facebook: "Facebook",
  tiktok: "TikTok",
  x: "X",
  twitter: "X",
  youtube: "YouTube",
  whatsapp: "WhatsApp",
};

export const platformName = (platform: string) =>
  PLATFORM_NAMES[platform.toLowerCase()] ?? platform.charAt(0).toUpperCase() + platform.slice(1);

export async function SiteFooter({ shop }: { shop: ShopFront }) {
  const t = await getTranslations("footer");
  return (
    <footer className="mt-16 border-t border-line bg-surface text-sm">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:grid-cols-2 sm:px-6 lg:grid-cols-4">
        <div>
          <p className="text-base font-semibold">{shop.storeName}</p>
          {shop.description && <p className="mt-2 text-muted">{shop.description}</p>}
        </div>
        <div>
          <h2 className="font-semibold">{t("contact")}</h2>
          <ul className="mt-2 space-y-1 text-muted">
            {shop.contactPhone && (
              <li>
                <a className="hover:text-ink" href={`tel:${shop.contactPhone.replace(/[^\d+]/g, "")}`}>
                  {shop.contactPhone}
                </a>
              </li>
            )}
            {shop.contactEmail && (
              <li>
                <a className="hover:text-ink" href={`mailto:${shop.contactEmail}`}>
                  {shop.contactEmail}
                </a>
              </li>
            )}
            {shop.address && <li>{shop.address}</li>}
            <li>
              <ShopLink className="font-medium text-brand-700 hover:underline" href="/pedido">
                {t("orderStatus")}
              </ShopLink>
            </li>
          </ul>
        </div>
        {shop.branches.length > 0 && (
          <div>
            <h2 className="font-semibold">{t("shops")}</h2>
            <ul className="mt-2 space-y-2 text-muted">
              {shop.branches.map((branch) => (
                <li key={branch.id}>
                  <span className="font-medium text-ink">{branch.name}</span>
                  <br />
                  {branch.address}
                </li>
              ))}
            </ul>
          </div>
        )}
        {shop.social.length > 0 && (
          <div>
            <h2 className="font-semibold">{t("follow")}</h2>
            <ul className="mt-2 space-y-1">
              {shop.social.map((link) => (
                <li key={link.url}>
                  <a className="text-muted hover:text-ink" href={link.url} rel="noopener noreferrer" target="_blank">
                    {platformName(link.platform)}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </footer>
  );
}
