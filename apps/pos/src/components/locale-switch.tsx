"use client";

import { useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { isLocale, LOCALE_COOKIE, LOCALES } from "~/i18n/locales";

const YEAR_SECONDS = 60 * 60 * 24 * 365;

/**
 * The UI language, remembered in a cookie the server reads on every request (no locale in the URL). Set from the
 * page rather than by a server action so it works the same on the login page and in the register.
 */
export function LocaleSwitch() {
  const t = useTranslations("locale");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(next: string) {
    if (!isLocale(next) || next === locale) return;
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=${YEAR_SECONDS}; samesite=lax`;
    startTransition(() => router.refresh());
  }

  return (
    <select
      aria-label={t("label")}
      value={locale}
      disabled={pending}
      onChange={(event) => choose(event.target.value)}
      className="h-9 rounded-lg border border-line bg-white px-2 text-sm text-ink hover:border-brand-500 disabled:opacity-60"
    >
      {LOCALES.map((option) => (
        <option key={option} value={option} lang={option}>
          {t(option)}
        </option>
      ))}
    </select>
  );
}
