import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Home › the category's ancestors › the category, each a link. */
export async function Breadcrumb({ trail }: { trail: { name: string; slug: string }[] }) {
  const t = await getTranslations("breadcrumb");
  return (
    <nav aria-label={t("label")} className="text-sm text-muted">
      <ol className="flex flex-wrap gap-1">
        <li>
          <Link href="/" className="hover:text-ink">
            {t("home")}
          </Link>
        </li>
        {trail.map((step) => (
          <li key={step.slug} className="before:mr-1 before:content-['›']">
            <Link href={`/c/${step.slug}`} className="hover:text-ink">
              {step.name}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
