// `pnpm db:stop`: stop the embedded development database, whoever started it. A DATABASE_URL server is
// never touched: it is not ours to stop.
import { readDbEnv } from "../src/env.ts";
import { stopDatabaseServer } from "../src/server.ts";

try {
  const report = await stopDatabaseServer();
  if (report.stopped) {
    console.info(
      `Stopped the embedded PostgreSQL (pid ${report.stopped.pid}, port ${report.stopped.port}) in ${report.dataDir}.`,
    );
    if (report.users.length > 0) {
      console.info(
        `Processes ${report.users.join(", ")} were still using it; they will have to reconnect after \`pnpm db:up\`.`,
      );
    }
  } else {
    console.info(`The embedded PostgreSQL is not running${report.dataDir ? ` (data: ${report.dataDir})` : ""}.`);
  }
  if (readDbEnv().DATABASE_URL) console.info("DATABASE_URL is set: that server is not managed by this command.");
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
