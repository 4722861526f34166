// `pnpm db:up`: make sure the development database is running and leave it running in the background.
// The embedded server is started through pg_ctl in its own session, so it outlives this command; it stays
// up (pinned) until `pnpm db:stop`, whichever commands use it in between.
import { ensureDatabaseServer } from "../src/server.ts";

try {
  const server = await ensureDatabaseServer({ keepRunning: true });
  if (server.embedded) {
    console.info("It keeps running in the background: `pnpm dev` and the tests use it, `pnpm db:stop` stops it.");
  } else {
    console.info("DATABASE_URL is set, so there is nothing to start: that server is used as it is.");
  }
  // Hands back this command's lease; the server stays because keepRunning pinned it.
  await server.stop();
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
