import { getTranslations } from "next-intl/server";
import { formatMoney } from "@pos/ui";

export interface Money {
  currency: string;
  locale: string;
}

/** A price as shoppers read it: "desde" when sizes differ, the store price struck through when online is lower. */
export async function Price({
  price,
  compareAtPrice,
  priceVaries,
  money,
  size = "md",
}: {
  price: string;
  compareAtPrice: string | null;
  priceVaries: boolean;
  money: Money;
  size?: "md" | "lg";
}) {
  const t = await getTranslations("product");
  return (
    <p className="flex flex-wrap items-baseline gap-x-2">
      <span className={size === "lg" ? "text-2xl font-semibold tabular-nums" : "font-semibold tabular-nums"}>
        {priceVaries && <span className="text-sm font-normal text-muted">{t("from")} </span>}
        {formatMoney(price, money)}
      </span>
      {compareAtPrice && (
        <span className="text-sm text-muted tabular-nums">
          <span className="sr-only">{t("regularPrice")} </span>
          <s>{formatMoney(compareAtPrice, money)}</s>
        </span>
      )}
    </p>
  );
}
