import type { ReactNode } from "react";
import { getLocale, getMessages } from "next-intl/server";
import { WordsProvider } from "./words";

type Namespace = keyof Awaited<ReturnType<typeof getMessages>>;

/** The raw words of the namespaces an interactive part uses (cart, size picker, checkout), for ./words.tsx. */
export async function IslandWords({ namespaces, children }: { namespaces: Namespace[]; children: ReactNode }) {
  const [messages, locale] = await Promise.all([getMessages(), getLocale()]);
  const picked = Object.fromEntries(namespaces.map((key) => [key, messages[key]]));
  return (
    <WordsProvider locale={locale} messages={picked}>
      {children}
    </WordsProvider>
  );
}
