import { getTranslations } from "next-intl/server";
import { ProductGrid } from "~/catalog/product-card";
import { readFeatured, readShop } from "~/server/shop";
import { ShopImage } from "~/shop/shop-image";
import { ShopLink } from "~/shop/shop-link";

export default async function HomePage() {
  const [shop, t] = await Promise.all([readShop(), getTranslations("home")]);
  if (!shop.open) return null;
  const featured = await readFeatured();
  const [hero, ...banners] = shop.banners;
  return (
    <main id="main">
      {hero ? (
        <section className="relative">
          <ShopLink href={hero.linkUrl ?? "/buscar"} className="block">
            <div className="relative mx-auto aspect-[16/9] max-h-[520px] w-full max-w-7xl sm:aspect-[21/8]">
              <ShopImage src={hero.imageUrl} alt={hero.title} fill preload sizes="100vw" className="object-cover" />
            </div>
          </ShopLink>
        </section>
      ) : (
        <section className="bg-gradient-to-br from-brand-900 via-brand-700 to-brand-500 text-white">
          <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
            <h1 className="max-w-2xl text-4xl font-semibold tracking-tight">{shop.storeName}</h1>
            {shop.description && <p className="mt-3 max-w-xl text-lg text-white/90">{shop.description}</p>}
          </div>
        </section>
      )}

      <div className="mx-auto max-w-6xl space-y-14 px-4 pt-10 sm:px-6">
        {hero && <h1 className="sr-only">{shop.storeName}</h1>}
        {shop.categories.length > 0 && (
          <section aria-labelledby="categories-title">
            <h2 id="categories-title" className="text-xl font-semibold tracking-tight">
              {t("categories")}
            </h2>
            <ul className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
              {shop.categories.map((category) => (
                <li key={category.id}>
                  <ShopLink
                    href={`/c/${category.slug}`}
                    className="flex h-20 items-center justify-center rounded-xl border border-line bg-surface px-3 text-center font-medium hover:border-brand-500 hover:bg-brand-50"
                  >
                    {category.name}
                  </ShopLink>
                </li>
              ))}
            </ul>
          </section>
        )}

        {featured.length > 0 && (
          <section aria-labelledby="featured-title">
            <div className="flex items-baseline justify-between gap-4">
              <h2 id="featured-title" className="text-xl font-semibold tracking-tight">
                {t("featured")}
              </h2>
              <ShopLink href="/buscar" className="text-sm font-medium text-brand-700 hover:underline">
                {t("seeAll")}
              </ShopLink>
            </div>
            <div className="mt-4">
              <ProductGrid products={featured} money={shop} />
            </div>
          </section>
        )}

        {banners.length > 0 && (
          <section aria-label={t("more")} className="grid gap-4 sm:grid-cols-2">
            {banners.map((banner) => (
              <ShopLink
                key={banner.id}
                href={banner.linkUrl ?? "/buscar"}
                className="relative block aspect-[21/9] overflow-hidden rounded-xl bg-surface"
              >
                <ShopImage
                  src={banner.imageUrl}
                  alt={banner.title}
                  fill
                  sizes="(min-width: 640px) 50vw, 100vw"
                  className="object-cover"
                />
              </ShopLink>
            ))}
          </section>
        )}
      </div>
    </main>
  );
}
