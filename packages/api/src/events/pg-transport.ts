// PostgreSQL LISTEN/NOTIFY between app instances. Facts this relies on (verified, see the environment notes):
// a NOTIFY inside a transaction goes out only on COMMIT, never after ROLLBACK; identical payloads in one
// transaction collapse into one (every payload carries origin + sequence number, so none are identical);
// payloads must stay under 8000 bytes (ids, not rows); LISTEN needs a dedicated session, not a pooled or
// pgbouncer connection; notifications are not stored, so after a reconnect subscribers must re-read.
import pg from "pg";
import { silentLogger, type Logger } from "../logger.ts";
import type { EventTransport, SqlExecutor, TransportHandlers } from "./bus.ts";
import { decodeEvent, encodeEvent, type BusEvent } from "./types.ts";

/** PostgreSQL's limit is "shorter than 8000 bytes" in the default configuration. */
export const MAX_PAYLOAD_BYTES = 7999;

export interface PgTransportOptions {
  /** A direct connection URL for the LISTEN session (not a transaction-mode pgbouncer). */
  url: string;
  /**
   * Sends events published outside a transaction: the app's Prisma client, so publishing never waits for
   * (or fails with) the LISTEN connection, and other instances still hear us while ours is reconnecting.
   */
  db: SqlExecutor;
  /** One channel per database carries every topic; subscribers filter in memory (default "pos_events"). */
  channel?: string;
  log?: Logger;
  /** Reconnect delays double from `initialMs` up to `maxMs`, with jitter so instances do not stampede. */
  backoff?: { initialMs?: number; maxMs?: number };
  /**
   * A silently dropped connection (NAT, failover) raises no error until something is sent on it: a
   * `SELECT 1` this often, with a client-side timeout, turns it into a reconnect (default 30 s).
   */
  heartbeatMs?: number;
}

export type PgTransportStatus = "idle" | "listening" | "reconnecting" | "closed";

export interface PgTransport extends EventTransport {
  status(): PgTransportStatus;
}

const ignore = () => undefined;

export function createPgTransport(options: PgTransportOptions): PgTransport {
  const { url, db, channel = "pos_events", log = silentLogger, heartbeatMs = 30_000 } = options;
  const initialMs = options.backoff?.initialMs ?? 100;
  const maxMs = options.backoff?.maxMs ?? 5_000;
  let handlers: TransportHandlers | undefined;
  let status: PgTransportStatus = "idle";
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let attempt = 0;
  // Clients being ended after a loss: close() waits for them too, so it leaves no socket behind.
  const ending = new Set<Promise<void>>();
  // A function, not `status === "closed"` inline: the compiler would keep a narrowing across awaits.
  const isClosed = () => status === "closed";

  async function open(origin: string): Promise<pg.Client> {
    const next = new pg.Client({
      connectionString: url,
      // Lets operators (and the tests) find this session in pg_stat_activity.
      application_name: `pos-events:${origin}`,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      query_timeout: 10_000,
    });
    // Listeners before connect: an 'error' on a client without one would crash the process.
    next.on("error", (error) => lost(next, error));
    next.on("end", () => lost(next, new Error("connection ended")));
    next.on("notification", receive);
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return next;
    } catch (error) {
      await dispose(next);
      throw error;
    }
  }

  async function dispose(old: pg.Client): Promise<void> {
    old.removeAllListeners();
    old.on("error", ignore);
    await old.end().catch(ignore);
  }

  function use(next: pg.Client): void {
    client = next;
    status = "listening";
    attempt = 0;
    heartbeat = setInterval(
      () => void next.query("SELECT 1").catch((error: unknown) => lost(next, error)),
      heartbeatMs,
    );
    heartbeat.unref();
  }

  function receive(message: pg.Notification): void {
    if (message.channel !== channel || message.payload === undefined || !handlers) return;
    const decoded = decodeEvent(message.payload);
    if ("error" in decoded) log.warn("Ignored a malformed event notification", { channel, error: decoded.error });
    else handlers.deliver(decoded.event);
  }

  function lost(which: pg.Client, error: unknown): void {
    // 'error' and 'end' both fire for one loss, and a failed attempt reports on its own client: act once.
    if (which !== client || isClosed()) return;
    client = undefined;
    clearInterval(heartbeat);
    const disposal = dispose(which).finally(() => ending.delete(disposal));
    ending.add(disposal);
    status = "reconnecting";
    log.warn("Event listener connection lost; reconnecting", { error: String(error) });
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    const delay = Math.min(maxMs, initialMs * 2 ** attempt++) * (0.5 + Math.random() / 2);
    retry = setTimeout(() => void reconnect(), delay);
  }

  async function reconnect(): Promise<void> {
    retry = undefined;
    if (!handlers || isClosed()) return;
    try {
      connecting = open(handlers.origin);
      const next = await connecting;
      // close() waited for this attempt and disposed of it: do not resurrect a closed transport.
      if (isClosed()) return;
      use(next);
      // Only now, with LISTEN in place, can a re-read from the database not miss anything.
      handlers.resync();
    } catch (error) {
      if (isClosed()) return;
      log.warn("Event listener reconnect failed", { attempt, error: String(error) });
      scheduleReconnect();
    } finally {
      connecting = undefined;
    }
  }

  return {
    status: () => status,

    async start(next) {
      if (handlers) throw new Error("This event transport is already started.");
      if (isClosed()) throw new Error("This event transport is closed.");
      handlers = next;
      try {
        connecting = open(next.origin);
        const opened = await connecting;
        // close() ran meanwhile and disposed of this client: stay closed.
        if (!isClosed()) use(opened);
      } catch (error) {
        handlers = undefined;
        throw error;
      } finally {
        connecting = undefined;
      }
    },

    async send(event: BusEvent, tx?: SqlExecutor) {
      const payload = encodeEvent(event);
      const bytes = Buffer.byteLength(payload);
      if (bytes > MAX_PAYLOAD_BYTES) {
        throw new Error(
          `Event ${event.topic} is ${bytes} bytes, over PostgreSQL's NOTIFY limit: send ids, not rows, or split it.`,
        );
      }
      // Inside `tx` the notification is queued by PostgreSQL and released only by its COMMIT.
      await (tx ?? db).$executeRaw`SELECT pg_notify(${channel}, ${payload})`;
    },

    async close() {
      if (isClosed()) return;
      status = "closed";
      clearTimeout(retry);
      clearInterval(heartbeat);
      const pending = await connecting?.catch(ignore);
      if (pending) await dispose(pending);
      const current = client;
      client = undefined;
      handlers = undefined;
      if (current) await dispose(current);
      await Promise.all(ending);
    },
  };
}
