import { getTranslations } from "next-intl/server";
import type { ShopFront } from "@pos/api/store";

/** Every page while the shop is switched off: say so plainly and how to reach the shop meanwhile. */
export async function ClosedStore({ shop }: { shop: ShopFront }) {
  const t = await getTranslations("closed");
  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col items-center px-4 py-24 text-center">
      <p className="rounded-full bg-brand-50 px-3 py-1 text-sm font-medium text-brand-900">{t("badge")}</p>
      <h1 className="mt-4 text-3xl font-semibold tracking-tight">{t("title", { store: shop.storeName })}</h1>
      <p className="mt-3 text-lg text-muted">{t("body")}</p>
      {(shop.contactPhone ?? shop.contactEmail) && (
        <p className="mt-6 text-muted">
          {t("contact")}{" "}
          <span className="font-medium text-ink">
            {[shop.contactPhone, shop.contactEmail].filter(Boolean).join(" · ")}
          </span>
        </p>
      )}
    </main>
  );
}
