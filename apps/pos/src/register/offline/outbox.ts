"use client";
// Sales that have not reached the server yet, and the loop that delivers them. Each keeps its clientId, so a
// resend after a lost answer is a replay on the server, never a second sale.
import { useCallback, useEffect, useState } from "react";
import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@pos/api";
import { trpc } from "~/trpc/react";
import { putQueued, queuedSales, removeQueued, type QueuedSale } from "./local-db";

const RETRY_MS = 10_000;

/**
 * Sales the pay dialog is sending itself right now: the delivery loop leaves them alone, or it could send the
 * same sale flagged offline while the first attempt is still on its way (one sale either way, wrongly flagged).
 */
const inFlight = new Set<string>();

/**
 * True when the server could not be asked or could not answer (no network, server or database down): the sale
 * waits in the queue. False when the server answered and refused the sale: retrying would not change that.
 */
export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return true;
  const status = (error as TRPCClientError<AppRouter>).data?.httpStatus;
  return status === undefined || status >= 500;
}

/** One delivery at a time, across tabs of the same register, so two loops never race on one queue. */
async function exclusively(run: () => Promise<void>): Promise<void> {
  if ("locks" in navigator) await navigator.locks.request("pos-outbox", run);
  else await run();
}

export interface Shortfall {
  reference: string;
  units: number;
}

export interface Outbox {
  pending: QueuedSale[];
  failed: QueuedSale[];
  online: boolean;
  /** Shortfalls the server reported for delivered offline sales: the units sold beyond what the branch had. */
  shortfalls: Shortfall[];
  /** Queues a sale the caller is about to send itself; `release` hands it to the delivery loop. */
  enqueue(sale: QueuedSale): Promise<void>;
  release(clientId: string): void;
  /** Drops a sale from the queue: delivered, or refused by the server before anything was recorded. */
  forget(clientId: string): Promise<void>;
  flush(): Promise<void>;
}

export function useOutbox(branchId: number): Outbox {
  const utils = trpc.useUtils();
  const [queue, setQueue] = useState<QueuedSale[]>([]);
  const [online, setOnline] = useState(true);
  const [shortfalls, setShortfalls] = useState<Shortfall[]>([]);

  const reload = useCallback(async () => setQueue(await queuedSales(branchId)), [branchId]);

  const flush = useCallback(
    () =>
      exclusively(async () => {
        for (const sale of await queuedSales(branchId)) {
          if (sale.status !== "pending" || inFlight.has(sale.clientId)) continue;
          try {
            const result = await utils.client.sales.create.mutate({
              ...sale.request,
              offlineAt: new Date(sale.madeAt),
            });
            await removeQueued(sale.clientId);
            if (result.shortfalls.length > 0) {
              setShortfalls((current) => [
                ...current,
                {
                  reference: result.reference,
                  units: result.shortfalls.reduce((sum, s) => sum + s.quantity, 0),
                },
              ]);
            }
            setOnline(true);
          } catch (error) {
            if (isUnreachable(error)) {
              setOnline(false);
              break;
            }
            await putQueued({
              ...sale,
              status: "failed",
              error: error instanceof Error ? error.message : String(error),
            });
          }
        }
        await reload();
        void utils.cashSessions.current.invalidate({ branchId });
      }),
    [branchId, reload, utils],
  );

  useEffect(() => {
    void reload().then(flush);
    const goOnline = () => {
      setOnline(true);
      void flush();
    };
    const goOffline = () => setOnline(false);
    window.addEventListener("online", goOnline);
    window.addEventListener("offline", goOffline);
    setOnline(navigator.onLine);
    return () => {
      window.removeEventListener("online", goOnline);
      window.removeEventListener("offline", goOffline);
    };
  }, [reload, flush]);

  const pending = queue.filter((sale) => sale.status === "pending");
  useEffect(() => {
    if (pending.length === 0) return;
    const timer = setInterval(() => void flush(), RETRY_MS);
    return () => clearInterval(timer);
  }, [pending.length, flush]);

  return {
    pending,
    failed: queue.filter((sale) => sale.status === "failed"),
    online,
    shortfalls,
    enqueue: async (sale) => {
      inFlight.add(sale.clientId);
      await putQueued(sale);
      await reload();
    },
    release: (clientId) => {
      inFlight.delete(clientId);
    },
    forget: async (clientId) => {
      inFlight.delete(clientId);
      await removeQueued(clientId);
      await reload();
    },
    flush,
  };
}
