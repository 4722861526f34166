"use client";
// The browser's way to the store API, speaking tRPC's HTTP and SSE wire format directly: queries as GET, mutations
// as POST, live stock as an EventSource. Typed from storeRouter; no client library or serializer to ship (every
// value a page reads is JSON already, and dates arrive as ISO strings).
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { StoreRouter } from "@pos/api/store";

type Inputs = inferRouterInputs<StoreRouter>;
type Outputs = inferRouterOutputs<StoreRouter>;

/** What a value looks like after JSON: dates become strings. */
export type Wire<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

interface ErrorData {
  domain?: { code: string; details: Record<string, unknown> } | null;
  issues?: { path: string; message: string }[] | null;
}

/** A refusal from the API: its message (worded for people) and its business reason and field issues. */
export class StoreApiError extends Error {
  override readonly name = "StoreApiError";
  constructor(
    message: string,
    readonly data: ErrorData,
  ) {
    super(message);
  }
}

const endpoint = (path: string) => `/api/trpc/${path}`;
const encode = (input: unknown) => encodeURIComponent(JSON.stringify({ json: input }));

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => null)) as {
    result?: { data: { json: T } };
    error?: { json: { message: string; data?: ErrorData } };
  } | null;
  if (body?.result) return body.result.data.json;
  throw new StoreApiError(
    body?.error?.json.message ?? `The store answered ${response.status}.`,
    body?.error?.json.data ?? {},
  );
}

function query<T>(path: string, input: unknown): Promise<T> {
  return fetch(`${endpoint(path)}?input=${encode(input)}`).then((response) => answer<T>(response));
}

function mutate<T>(path: string, input: unknown): Promise<T> {
  return fetch(endpoint(path), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: input }),
  }).then((response) => answer<T>(response));
}

type StockItem = Wire<Outputs["stock"]["onChange"] extends AsyncIterable<infer I> ? I : never>;

export const storeApi = {
  cart: (input: Inputs["catalog"]["cart"]) => query<Wire<Outputs["catalog"]["cart"]>>("catalog.cart", input),
  quote: (input: Inputs["orders"]["quote"]) => query<Wire<Outputs["orders"]["quote"]>>("orders.quote", input),
  checkout: (input: Inputs["orders"]["checkout"]) =>
    mutate<Wire<Outputs["orders"]["checkout"]>>("orders.checkout", input),
  whatsapp: (input: Inputs["orders"]["whatsapp"]) =>
    mutate<Wire<Outputs["orders"]["whatsapp"]>>("orders.whatsapp", input),
  /**
   * stock.onChange: a `sync` first, then each change. The browser reconnects by itself, sending the last event's
   * id, so the server resumes or syncs again. Returns the way to stop watching.
   */
  watchStock(input: Inputs["stock"]["onChange"], onData: (item: StockItem["data"]) => void): () => void {
    const source = new EventSource(`${endpoint("stock.onChange")}?input=${encode(input)}`);
    source.onmessage = (event: MessageEvent<string>) => {
      const item = (JSON.parse(event.data) as { json: StockItem }).json;
      onData(item as unknown as StockItem["data"]);
    };
    return () => source.close();
  },
};

/** The message of a refused call, for showing to the shopper (the API words its errors for people). */
export function problemOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The API's business reason for a refusal (OUT_OF_STOCK, CONFLICT…) and its facts, when it gave one. */
export function domainOf(error: unknown): { code: string; details: Record<string, unknown> } | null {
  return error instanceof StoreApiError ? (error.data.domain ?? null) : null;
}

/** The fields a BAD_REQUEST named (paths like "contact.email"), from the shared schema the server checked. */
export function issuesOf(error: unknown): { path: string; message: string }[] {
  return error instanceof StoreApiError ? (error.data.issues ?? []) : [];
}
