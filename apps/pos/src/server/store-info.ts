import { getTranslations } from "next-intl/server";
import { createCaller, createContextInner } from "@pos/api";
import { getDb } from "@pos/db";

/**
 * The shop's name for screens shown before sign-in. A database hiccup must not take the login page down
 * with it, so failures fall back to a neutral title.
 */
export async function shopName(): Promise<string> {
  try {
    const caller = createCaller(createContextInner({ db: getDb(), session: null }));
    return (await caller.health.info()).storeName;
  } catch {
    return (await getTranslations("meta"))("fallbackShopName");
  }
}
