import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/**
 * The words of one interactive part (cart, size picker, checkout) for the browser, and the message runtime with
 * them, on the pages that have that part only: the rest of the store ships no translation code.
 */
export async function IslandWords({ namespaces, children }: { namespaces: string[]; children: ReactNode }) {
  const messages = await getMessages();
  const picked = Object.fromEntries(namespaces.map((key) => [key, messages[key as keyof typeof messages]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
