// A standalone tRPC HTTP server around the real appRouter: the same router, procedures and database path
// as apps/pos's /api/trpc, over real HTTP, minus Next and next-auth (a fixed staff session instead).
import type { AddressInfo } from "node:net";
import { createHTTPServer } from "@trpc/server/adapters/standalone";
import { appRouter, createContextInner, silentLogger, type EventBus, type SessionUser } from "@pos/api";
import type { Db } from "@pos/db";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** `bus`: the apps' LISTEN/NOTIFY bus for writes measured as production makes them (events in the transaction). */
export async function startTrpcServer(db: Db, user: SessionUser, bus?: EventBus): Promise<RunningServer> {
  const server = createHTTPServer({
    router: appRouter,
    createContext: () => createContextInner({ db, session: { user }, log: silentLogger, bus }),
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * A query over tRPC's HTTP wire format with the superjson transformer the API is configured with
 * (`{ json: … }` in, `result.data.json` out). Non-2xx replies throw and count as errors.
 */
export async function trpcQuery(baseUrl: string, path: string, input: unknown): Promise<unknown> {
  const query = encodeURIComponent(JSON.stringify({ json: input }));
  const response = await fetch(`${baseUrl}/${path}?input=${query}`);
  const body = (await response.json()) as { result?: { data?: { json?: unknown } } };
  if (!response.ok) throw new Error(`${path} → HTTP ${response.status}`);
  return body.result?.data?.json;
}

/** A mutation over tRPC's HTTP wire format (POST, superjson `{ json: … }` body). Non-2xx replies throw. */
export async function trpcMutation(baseUrl: string, path: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: input }),
  });
  const body = (await response.json()) as { result?: { data?: { json?: unknown } }; error?: { json?: unknown } };
  if (!response.ok) throw new Error(`${path} → HTTP ${response.status} ${JSON.stringify(body.error?.json)}`);
  return body.result?.data?.json;
}
