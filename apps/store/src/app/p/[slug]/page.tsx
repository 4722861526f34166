import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ProductPage as Product, ShopFront } from "@pos/api/store";
import { ProductGrid } from "~/catalog/product-card";
import { Price } from "~/catalog/price";
import { SizePicker } from "~/product/size-picker";
import { IslandWords } from "~/i18n/island-words";
import { readProduct, readShop } from "~/server/shop";
import { siteUrl } from "~/shop/site-url";
import { Breadcrumb } from "~/shop/breadcrumb";
import { ShopImage } from "~/shop/shop-image";

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await readProduct((await params).slug);
  const description = product.description || [product.brand, product.name].filter(Boolean).join(" ");
  const image = product.images[0];
  return {
    title: product.name,
    description,
    alternates: { canonical: `/p/${product.slug}` },
    openGraph: { title: product.name, description, images: image ? [{ url: image.url, alt: image.alt }] : undefined },
  };
}

/** schema.org Product, so search results can show price and availability. */
async function productJsonLd(product: Product, shop: ShopFront) {
  const origin = await siteUrl();
  const inStock = product.stock.some((level) => level.branchId === product.fulfillingBranchId && level.quantity > 0);
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.name,
    description: product.description || undefined,
    brand: product.brand ? { "@type": "Brand", name: product.brand } : undefined,
    image: product.images.map((image) => new URL(image.url, origin).toString()),
    offers: {
      "@type": "Offer",
      url: new URL(`/p/${product.slug}`, origin).toString(),
      price: product.price,
      priceCurrency: shop.currency,
      availability: inStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
    },
  };
}

export default async function ProductPage({ params }: Props) {
  const [product, shop, t] = await Promise.all([
    readProduct((await params).slug),
    readShop(),
    getTranslations("product"),
  ]);
  const [main, ...more] = product.images;
  const jsonLd = await productJsonLd(product, shop);
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 pt-6 sm:px-6">
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }}
      />
      <Breadcrumb trail={product.trail} />

      <div className="mt-4 grid gap-8 md:grid-cols-2 lg:gap-12">
        <section aria-label={t("photos")} className="space-y-3">
          <div className="relative aspect-square overflow-hidden rounded-2xl bg-surface">
            {main && (
              <ShopImage
                src={main.url}
                alt={main.alt}
                fill
                preload
                sizes="(min-width: 768px) 50vw, 100vw"
                className="object-cover"
              />
            )}
          </div>
          {more.length > 0 && (
            <ul className="grid grid-cols-3 gap-3">
              {more.map((image) => (
                <li key={image.url} className="relative aspect-square overflow-hidden rounded-xl bg-surface">
                  <ShopImage
                    src={image.url}
                    alt={image.alt}
                    fill
                    sizes="(min-width: 768px) 16vw, 33vw"
                    className="object-cover"
                  />
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="product-title" className="space-y-5">
          <div className="space-y-2">
            {product.brand && <p className="text-sm tracking-wide text-muted uppercase">{product.brand}</p>}
            <h1 id="product-title" className="text-3xl font-semibold tracking-tight">
              {product.name}
            </h1>
            <Price {...product} money={shop} size="lg" />
          </div>
          <IslandWords namespaces={["product"]}>
            <SizePicker
              variants={product.variants}
              priceVaries={product.priceVaries}
              fulfillingBranchId={product.fulfillingBranchId}
              branches={product.branches}
              stock={product.stock}
              money={shop}
            />
          </IslandWords>
          {product.description && (
            <div className="border-t border-line pt-5">
              <h2 className="text-sm font-semibold">{t("description")}</h2>
              <p className="mt-2 whitespace-pre-line text-ink/80">{product.description}</p>
            </div>
          )}
          <ul className="space-y-1 border-t border-line pt-5 text-sm text-muted">
            {shop.pickup && shop.fulfillingBranch && <li>{t("pickupAt", { shop: shop.fulfillingBranch.name })}</li>}
            {shop.shipping.enabled && <li>{t("shipping")}</li>}
          </ul>
        </section>
      </div>

      {product.related.length > 0 && (
        <section aria-labelledby="related-title" className="mt-16">
          <h2 id="related-title" className="text-xl font-semibold tracking-tight">
            {t("related")}
          </h2>
          <div className="mt-4">
            <ProductGrid products={product.related} money={shop} />
          </div>
        </section>
      )}
    </main>
  );
}
