// An app instance for live tests: the real appRouter (or storeRouter) over HTTP with SSE, on its own
// LISTEN/NOTIFY bus, so two of them on one database behave like two app processes. The staff member of a
// request is named by an `x-test-user` header (the apps take it from the next-auth session instead).
import type { AddressInfo } from "node:net";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import { createHTTPServer } from "@trpc/server/adapters/standalone";
import { EventSource } from "eventsource";
import superjson from "superjson";
import type { Db } from "@pos/db";
import { createContextInner, type SessionUser } from "../src/context.ts";
import { connectPgEventBus, type EventBus } from "../src/events/index.ts";
import { silentLogger } from "../src/logger.ts";
import { appRouter, type AppRouter } from "../src/root.ts";
import { sessionFor } from "./factories.ts";

export interface LiveInstance {
  url: string;
  bus: EventBus;
  /** A tRPC client of this instance acting as `user` (signed out without one), subscriptions over SSE. */
  client(user?: SessionUser): ReturnType<typeof createTRPCClient<AppRouter>>;
  close(): Promise<void>;
}

export async function startLiveInstance(options: {
  db: Db;
  url: string;
  users: readonly SessionUser[];
  router?: AnyRouter;
}): Promise<LiveInstance> {
  const { db, users, router = appRouter } = options;
  const bus = await connectPgEventBus({ url: options.url, db });
  const byId = new Map(users.map((user) => [String(user.id), user]));
  const server = createHTTPServer({
    router,
    createContext: ({ req }) => {
      const user = byId.get(String(req.headers["x-test-user"] ?? ""));
      return createContextInner({ db, bus, session: user ? sessionFor(user) : null, log: silentLogger });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    bus,
    client(user) {
      const headers: Record<string, string> = user ? { "x-test-user": String(user.id) } : {};
      return createTRPCClient<AppRouter>({
        links: [
          splitLink({
            condition: (op) => op.type === "subscription",
            true: httpSubscriptionLink({
              url,
              transformer: superjson,
              EventSource,
              eventSourceOptions: {
                fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, ...headers } }),
              },
            }),
            false: httpBatchLink({ url, transformer: superjson, headers }),
          }),
        ],
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await bus.close();
    },
  };
}
