"use client";
// The branch's catalog in memory: a scan is a map lookup (no round trip), and stock follows stock.onChange so a
// sale at another register or on the web store shows here without a reload.
import { useEffect, useMemo, useState } from "react";
import type { RouterOutputs } from "@pos/api";
import { trpc } from "~/trpc/react";
import { queuedSales, readSnapshot, saveSnapshot } from "./offline/local-db";
import { stockAfterQueuedSales } from "./offline/queued-stock";

export type CatalogItem = RouterOutputs["register"]["catalog"]["items"][number];

export interface Catalog {
  ready: boolean;
  error: string | null;
  items: readonly CatalogItem[];
  /** By barcode and by upper-case SKU. */
  byCode: ReadonlyMap<string, CatalogItem>;
  /** A product's sizes, in catalog order. */
  sizesOf(productId: number): CatalogItem[];
  stockOf(variantId: number): number;
  /** Sold here while offline: the shown stock drops now, the server's figure replaces it after the sync. */
  adjustStock(variantId: number, delta: number): void;
  /** True when the catalog came from this browser's copy because the server could not be reached. */
  fromCache: boolean;
  /** Reads the catalog and stock from the server again (back online after selling from the copy). */
  reload: () => void;
}

const stockOf = (items: readonly CatalogItem[]) => new Map(items.map((item) => [item.variantId, item.stock]));

export function useCatalog(branchId: number): Catalog {
  const utils = trpc.useUtils();
  const [items, setItems] = useState<CatalogItem[]>([]);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fromCache, setFromCache] = useState(false);
  const [stock, setStock] = useState<ReadonlyMap<number, number>>(new Map());
  // Bumped when the live feed says events may have been missed: the catalog (and its stock) is read again.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    // An object, not a `let`: the cleanup flips it after the loop's awaits.
    const run = { cancelled: false };
    const key = `catalog:${branchId}`;
    const show = (loaded: CatalogItem[], cached: boolean, stock = stockOf(loaded)) => {
      if (run.cancelled) return;
      setItems(loaded);
      setStock(stock);
      setFromCache(cached);
      setReady(true);
    };
    (async () => {
      const loaded: CatalogItem[] = [];
      let afterId: number | null = 0;
      while (afterId !== null) {
        // fetch() would serve a cached page: a reload must see the stock as it is now.
        const page = await utils.client.register.catalog.query({ branchId, afterId });
        loaded.push(...page.items);
        afterId = page.nextAfterId;
      }
      show(loaded, false);
      await saveSnapshot(key, loaded);
    })().catch(async (cause: unknown) => {
      // Offline (or the server is down): sell from the copy kept at the last successful load.
      const saved = await readSnapshot<CatalogItem[]>(key);
      if (saved) show(saved, true, stockAfterQueuedSales(stockOf(saved), await queuedSales(branchId)));
      else if (!run.cancelled) setError(cause instanceof Error ? cause.message : String(cause));
    });
    return () => {
      run.cancelled = true;
    };
  }, [branchId, utils, generation]);

  trpc.stock.onChange.useSubscription(
    { branchId },
    {
      enabled: ready,
      onData: ({ data }) => {
        // A sync (start or missed events) carries no levels for a whole-branch watch: re-read the catalog's stock.
        if (data.type === "sync") {
          if (data.reason !== "start") setGeneration((n) => n + 1);
          return;
        }
        setStock((current) => {
          const next = new Map(current);
          for (const change of data.data) if (change.branchId === branchId) next.set(change.variantId, change.quantity);
          return next;
        });
      },
    },
  );

  return useMemo(() => {
    const byCode = new Map<string, CatalogItem>();
    const byProduct = new Map<number, CatalogItem[]>();
    for (const item of items) {
      byCode.set(item.barcode, item);
      byCode.set(item.sku.toUpperCase(), item);
      byProduct.set(item.productId, [...(byProduct.get(item.productId) ?? []), item]);
    }
    return {
      ready,
      error,
      items,
      byCode,
      sizesOf: (productId) => byProduct.get(productId) ?? [],
      stockOf: (variantId) => stock.get(variantId) ?? 0,
      adjustStock: (variantId, delta) =>
        setStock((current) => new Map(current).set(variantId, (current.get(variantId) ?? 0) + delta)),
      fromCache,
      reload: () => setGeneration((n) => n + 1),
    };
  }, [items, ready, error, stock, fromCache]);
}
