import { getLocale, getTranslations } from "next-intl/server";
import type { ShopFront } from "@pos/api/store";
import { CartLink } from "~/cart/cart-link";
import { LocaleSwitch } from "./locale-switch";
import { ShopImage } from "./shop-image";
import { ShopLink } from "./shop-link";

export async function SiteHeader({ shop }: { shop: ShopFront }) {
  const [t, locale] = await Promise.all([getTranslations("nav"), getLocale()]);
  const units = { one: t("cartUnitsOne"), other: t("cartUnitsOther") };
  return (
    <header className="sticky top-0 z-20 border-b border-line bg-white/95 backdrop-blur">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:p-2"
      >
        {t("skip")}
      </a>
      {/* On a phone the search takes its own row under the name and the buttons. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-3 sm:flex-nowrap sm:gap-6 sm:px-6">
        <ShopLink href="/" className="flex shrink-0 items-center gap-2 text-lg font-semibold tracking-tight text-ink">
          {shop.logoUrl && (
            // The name follows, so the logo itself says nothing more to a screen reader.
            <ShopImage src={shop.logoUrl} alt="" width={32} height={32} className="size-8 rounded-md object-contain" />
          )}
          {shop.storeName}
        </ShopLink>
        {shop.open && (
          <form
            action="/buscar"
            role="search"
            className="order-last min-w-0 basis-full sm:order-none sm:flex-1 sm:basis-auto"
          >
            <label htmlFor="site-search" className="sr-only">
              {t("search")}
            </label>
            <input
              id="site-search"
              name="q"
              type="search"
              placeholder={t("searchPlaceholder")}
              className="h-10 w-full rounded-full border border-line bg-surface px-4 text-base outline-none focus:border-brand-500 focus:ring-3 focus:ring-brand-100"
            />
          </form>
        )}
        <div className="ml-auto flex shrink-0 items-center gap-1">
          <LocaleSwitch next={locale === "en" ? "es-AR" : "en"} label={t("otherLanguage")} />
          {shop.open && <CartLink label={t("cart")} units={units} locale={locale} />}
        </div>
      </div>
      {shop.open && shop.categories.length > 0 && (
        <nav aria-label={t("categories")} className="border-t border-line">
          <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-2 sm:px-4">
            {shop.categories.map((category) => (
              <li key={category.id}>
                <ShopLink
                  href={`/c/${category.slug}`}
                  className="block whitespace-nowrap rounded-md px-3 py-2.5 text-sm font-medium text-ink/80 hover:bg-surface hover:text-ink"
                >
                  {category.name}
                </ShopLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
