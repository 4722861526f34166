import { getTranslations } from "next-intl/server";
import type { ProductCard as Card } from "@pos/api/store";
import { ShopLink } from "~/shop/shop-link";
import { Price, type Money } from "./price";
import { ShopImage } from "~/shop/shop-image";

/** Two columns on a phone, four on a laptop: the sizes next/image picks a width for. */
export const CARD_IMAGE_SIZES = "(min-width: 1024px) 270px, (min-width: 640px) 33vw, 50vw";

export async function ProductCard({
  product,
  money,
  preload = false,
}: {
  product: Card;
  money: Money;
  preload?: boolean;
}) {
  const t = await getTranslations("product");
  return (
    <li className="group">
      <ShopLink href={`/p/${product.slug}`} className="block rounded-xl focus-visible:outline-offset-4">
        <div className="relative aspect-square overflow-hidden rounded-xl bg-surface">
          {product.image && (
            <ShopImage
              src={product.image.url}
              alt={product.image.alt}
              fill
              sizes={CARD_IMAGE_SIZES}
              preload={preload}
              className="object-cover transition duration-300 group-hover:scale-[1.03]"
            />
          )}
          {!product.inStock && (
            <span className="absolute top-2 left-2 rounded-full bg-white/90 px-2 py-0.5 text-xs font-medium text-ink">
              {t("soldOut")}
            </span>
          )}
        </div>
        <div className="mt-3 space-y-0.5">
          {product.brand && <p className="text-xs tracking-wide text-muted uppercase">{product.brand}</p>}
          <h3 className="line-clamp-2 text-sm font-medium text-ink group-hover:underline">{product.name}</h3>
          <Price {...product} money={money} />
        </div>
      </ShopLink>
    </li>
  );
}

export function ProductGrid({ products, money, eager = 0 }: { products: Card[]; money: Money; eager?: number }) {
  return (
    <ul className="grid grid-cols-2 gap-x-4 gap-y-8 sm:grid-cols-3 lg:grid-cols-4">
      {products.map((product, index) => (
        <ProductCard key={product.id} product={product} money={money} preload={index < eager} />
      ))}
    </ul>
  );
}
