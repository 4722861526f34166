import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { consoleLogger, createStoreContext, getProcessEventBus, storeRouter } from "@pos/api/store";

export const dynamic = "force-dynamic";

// Only the public store router is mounted here: staff procedures do not exist on this endpoint.
function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: storeRouter,
    // The LISTEN/NOTIFY bus: orders placed here reach the registers, and live stock reaches product pages.
    createContext: async () =>
      createStoreContext({ bus: await getProcessEventBus(), requestId: req.headers.get("x-request-id") ?? undefined }),
    onError({ error, path, ctx }) {
      // Procedure errors are logged by the API's base middleware; this catches what fails before it runs.
      if (!ctx && error.code === "INTERNAL_SERVER_ERROR") {
        consoleLogger.error("tRPC request failed before reaching a procedure", { path, error: error.message });
      }
    },
  });
}

export { handler as GET, handler as POST };
