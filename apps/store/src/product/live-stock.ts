"use client";
// What each online branch holds of a product's sizes, kept current by stock.onChange: a sync replaces the levels
// (on start and whenever events may have been missed), each event updates the levels it names.
import { useEffect, useState } from "react";
import { storeApi } from "~/trpc/client";

export interface Level {
  branchId: number;
  variantId: number;
  quantity: number;
}

const keyOf = (branchId: number, variantId: number) => `${branchId}:${variantId}`;

export function useLiveStock(variantIds: number[], initial: Level[]): (branchId: number, variantId: number) => number {
  const [levels, setLevels] = useState(
    () => new Map(initial.map((level) => [keyOf(level.branchId, level.variantId), level.quantity])),
  );
  const watched = variantIds.join(",");
  useEffect(() => {
    if (!watched) return;
    const stop = storeApi.watchStock({ variantIds: watched.split(",").map(Number) }, (data) => {
      if (data.type === "sync") {
        if (data.snapshot) {
          setLevels(new Map(data.snapshot.map((level) => [keyOf(level.branchId, level.variantId), level.quantity])));
        }
        return;
      }
      setLevels((current) => {
        const next = new Map(current);
        for (const change of data.data) next.set(keyOf(change.branchId, change.variantId), change.quantity);
        return next;
      });
    });
    return stop;
  }, [watched]);
  return (branchId, variantId) => Math.max(0, levels.get(keyOf(branchId, variantId)) ?? 0);
}
