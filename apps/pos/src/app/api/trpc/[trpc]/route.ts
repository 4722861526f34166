import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter, consoleLogger } from "@pos/api";
import { createRequestContext } from "~/server/context";

// Sessions and live data: never cache, never prerender.
export const dynamic = "force-dynamic";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createRequestContext(req.headers),
    onError({ error, path, ctx }) {
      // Procedure errors are logged by the API's base middleware; this catches what fails before it runs.
      if (!ctx && error.code === "INTERNAL_SERVER_ERROR") {
        consoleLogger.error("tRPC request failed before reaching a procedure", { path, error: error.message });
      }
    },
  });
}

export { handler as GET, handler as POST };
