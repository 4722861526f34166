"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { LOCALE_COOKIE } from "~/i18n/locale-cookie";

const OTHER = { "es-AR": "en", en: "es-AR" } as const;

/** One link to the other language: the choice is kept in a cookie for a year. */
export function LocaleSwitch() {
  const t = useTranslations("nav");
  const router = useRouter();
  const next = OTHER[useLocale()];
  return (
    <button
      type="button"
      lang={next}
      onClick={() => {
        document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
        router.refresh();
      }}
      className="h-10 rounded-md px-2.5 text-sm font-medium text-ink/80 hover:bg-surface"
    >
      {t("otherLanguage")}
    </button>
  );
}
