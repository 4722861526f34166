import type { Db, Prisma } from "@pos/db";

export interface StoreInfo {
  storeName: string;
  description: string;
  currency: string;
  locale: string;
  /** False until an admin saves the store settings; the apps then show defaults. */
  configured: boolean;
}

// A fresh install has no StoreConfig row yet; the apps must still render something sensible.
export const DEFAULT_STORE_INFO: StoreInfo = {
  storeName: "Mi tienda",
  description: "",
  currency: "ARS",
  locale: "es-AR",
  configured: false,
};

const storeInfoSelect = {
  storeName: true,
  description: true,
  currency: true,
  locale: true,
} satisfies Prisma.StoreConfigSelect;

export async function readStoreInfo(db: Db): Promise<StoreInfo> {
  const config = await db.storeConfig.findFirst({ select: storeInfoSelect, orderBy: { id: "asc" } });
  return config ? { ...config, configured: true } : DEFAULT_STORE_INFO;
}
