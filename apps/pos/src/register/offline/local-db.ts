// What the register keeps in the browser (IndexedDB) so it can sell without the server: the last setup, drawer
// and catalog it loaded, and the sales it has not yet delivered. Written before any network attempt, so a
// reload, a crash or a closed tab loses nothing.
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { TSaleCreate } from "@pos/validators";

export interface QueuedSale {
  clientId: string;
  branchId: number;
  /** Exactly what the first attempt sent; resent with `offlineAt` = `madeAt` (the server treats both as one sale). */
  request: TSaleCreate;
  madeAt: number;
  /** `failed`: the server refused it (not a network problem); a manager must look at it. */
  status: "pending" | "failed";
  error?: string;
  /** What the offline receipt showed, to list and reprint it. */
  summary: {
    total: string;
    change: string;
    lines: { name: string; size: string | null; quantity: number; amount: string }[];
  };
}

interface RegisterDb extends DBSchema {
  outbox: { key: string; value: QueuedSale; indexes: { byMadeAt: number } };
  snapshots: { key: string; value: { savedAt: number; data: unknown } };
}

let opened: Promise<IDBPDatabase<RegisterDb>> | undefined;

export function localDb(): Promise<IDBPDatabase<RegisterDb>> {
  opened ??= openDB<RegisterDb>("pos-register", 1, {
    upgrade(db) {
      db.createObjectStore("outbox", { keyPath: "clientId" }).createIndex("byMadeAt", "madeAt");
      db.createObjectStore("snapshots");
    },
  });
  return opened;
}

export async function saveSnapshot(key: string, data: unknown): Promise<void> {
  await (await localDb()).put("snapshots", { savedAt: Date.now(), data }, key);
}

export async function readSnapshot<T>(key: string): Promise<T | undefined> {
  const found = await (await localDb()).get("snapshots", key);
  return found?.data as T | undefined;
}

export async function queuedSales(branchId: number): Promise<QueuedSale[]> {
  const all = await (await localDb()).getAllFromIndex("outbox", "byMadeAt");
  return all.filter((sale) => sale.branchId === branchId);
}

export async function putQueued(sale: QueuedSale): Promise<void> {
  await (await localDb()).put("outbox", sale);
}

export async function removeQueued(clientId: string): Promise<void> {
  await (await localDb()).delete("outbox", clientId);
}
