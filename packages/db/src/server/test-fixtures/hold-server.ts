// Test fixture (server.test.ts): another process using the embedded server. Ensures it, prints one JSON
// line, then waits to be killed, never calling stop() itself: like a dev server hit by kill -9, or, with
// --stop-on-signals, like a long-running caller that lets ensureDatabaseServer handle SIGTERM.
import { ensureDatabaseServer } from "../../server.ts";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: hold-server.ts <dataDir>");
const stopOnSignals = process.argv.includes("--stop-on-signals");
const server = await ensureDatabaseServer({ env: {}, dataDir, stopOnSignals, log: () => undefined });
console.info(JSON.stringify({ url: server.url, pid: server.details?.pid, action: server.details?.action }));
setInterval(() => undefined, 60_000);
