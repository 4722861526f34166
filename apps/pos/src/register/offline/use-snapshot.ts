"use client";

import { useEffect, useState } from "react";
import { readSnapshot, saveSnapshot } from "./local-db";

/** Offline the queries fail at once (instead of pausing until the network returns) so the saved copies take over. */
export const offlineFriendly = { networkMode: "always", retry: false } as const;

/**
 * A query's data, kept in this browser each time it arrives and used in its place when the server cannot be
 * reached, so a register reloaded offline still knows its store terms and its open drawer.
 */
export interface Snapshotted<T> {
  data: T | undefined;
  error: unknown;
  /** True when `data` is the saved copy, not the server's answer. */
  fromCache: boolean;
}

export function useSnapshot<T>(key: string, query: { data: T | undefined; error: unknown }): Snapshotted<T> {
  const [saved, setSaved] = useState<{ data: T } | null>(null);
  useEffect(() => {
    if (query.data !== undefined) void saveSnapshot(key, query.data);
  }, [key, query.data]);
  useEffect(() => {
    if (!query.error) return;
    void readSnapshot<T>(key).then((data) => {
      if (data !== undefined) setSaved({ data });
    });
  }, [key, query.error]);
  if (query.data !== undefined) return { data: query.data, error: null, fromCache: false };
  if (saved) return { data: saved.data, error: null, fromCache: true };
  return { data: undefined, error: query.error, fromCache: false };
}
