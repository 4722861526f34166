"use client";

import { useRouter } from "next/navigation";
import { LOCALE_COOKIE } from "~/i18n/locale-cookie";

/** One button to the other language (named in it): the choice is kept in a cookie for a year. */
export function LocaleSwitch({ next, label }: { next: string; label: string }) {
  const router = useRouter();
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
      {label}
    </button>
  );
}
