/** What `ensureDatabaseServer` hands back: where to connect, and how to let go of it. */
export interface DatabaseServer {
  /** The application database (`pos` on the embedded server, or DATABASE_URL as given). */
  url: string;
  /** Same server, maintenance database `postgres`: for CREATE/DROP DATABASE (tests, templates). */
  adminUrl: string;
  /** true when this is the embedded PostgreSQL under the data dir, false for DATABASE_URL. */
  embedded: boolean;
  /**
   * Releases this process's use of the server. For the embedded server it is stopped when no other live
   * process still uses it and nobody asked to keep it running (`pnpm db:up`); for DATABASE_URL a no-op.
   * Safe to call more than once.
   */
  stop(): Promise<void>;
  /** Embedded only: what this call had to do, for logs and tests. */
  details?: EmbeddedDetails;
}

export type EmbeddedAction = "initialised" | "started" | "reused";

export interface EmbeddedDetails {
  dataDir: string;
  port: number;
  /** The postmaster's process id. */
  pid: number;
  action: EmbeddedAction;
  timings: { initMs?: number; startMs?: number; totalMs: number };
}

export type Log = (line: string) => void;

/** The OS user the server runs as when we are root (PostgreSQL refuses to run as root). */
export interface RunAs {
  uid: number;
  gid: number;
}
