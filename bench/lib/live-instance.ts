// One app instance for `pnpm bench live`, run as its own process: the real appRouter over HTTP (SSE for
// subscriptions) on its own Prisma pool and LISTEN/NOTIFY bus, as each apps/pos server would have.
// Usage: tsx bench/lib/live-instance.ts <database url> <staff user as JSON>. Prints `{"url": …}` once listening;
// SIGTERM closes it.
import type { SessionUser } from "@pos/api";
import { connectPgEventBus } from "@pos/api";
import { createPrismaClient } from "@pos/db";
import { startTrpcServer } from "./trpc-server.ts";

const [url, userJson] = process.argv.slice(2);
if (!url || !userJson) throw new Error("usage: live-instance.ts <database url> <user json>");

const db = createPrismaClient(url);
const bus = await connectPgEventBus({ url, db });
const server = await startTrpcServer(db, JSON.parse(userJson) as SessionUser, bus);
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);

process.once("SIGTERM", () => {
  void (async () => {
    await server.close();
    await bus.close();
    await db.$disconnect();
    process.exit(0);
  })();
});
