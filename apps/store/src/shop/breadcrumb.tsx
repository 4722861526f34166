import { getTranslations } from "next-intl/server";
import { ShopLink } from "./shop-link";

/** Home › the category's ancestors › the category, each a link. */
export async function Breadcrumb({ trail }: { trail: { name: string; slug: string }[] }) {
  const t = await getTranslations("breadcrumb");
  return (
    <nav aria-label={t("label")} className="text-sm text-muted">
      <ol className="flex flex-wrap gap-1">
        <li>
          <ShopLink href="/" className="hover:text-ink">
            {t("home")}
          </ShopLink>
        </li>
        {trail.map((step) => (
          <li key={step.slug} className="before:mr-1 before:content-['›']">
            <ShopLink href={`/c/${step.slug}`} className="hover:text-ink">
              {step.name}
            </ShopLink>
          </li>
        ))}
      </ol>
    </nav>
  );
}
