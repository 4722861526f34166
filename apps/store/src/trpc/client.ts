"use client";
// The browser's way to the store API: plain tRPC (no query cache to ship), live stock over SSE.
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import type { StoreRouter } from "@pos/api/store";

export const storeApi = createTRPCClient<StoreRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === "subscription",
      true: httpSubscriptionLink({ url: "/api/trpc", transformer: superjson }),
      false: httpBatchLink({ url: "/api/trpc", transformer: superjson }),
    }),
  ],
});

/** The message of a refused call, for showing to the shopper (the API words its errors for people). */
export function problemOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The API's business reason for a refusal (OUT_OF_STOCK, CONFLICT…) and its facts, when it gave one. */
export function domainOf(error: unknown): { code: string; details: Record<string, unknown> } | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data: unknown = error.data;
  const domain = (data as { domain?: { code: string; details: Record<string, unknown> } | null } | null)?.domain;
  return domain ?? null;
}

/** The fields a BAD_REQUEST named (paths like "contact.email"), from the shared schema the server checked. */
export function issuesOf(error: unknown): { path: string; message: string }[] {
  if (!(error instanceof TRPCClientError)) return [];
  const data: unknown = error.data;
  return (data as { issues?: { path: string; message: string }[] | null } | null)?.issues ?? [];
}
