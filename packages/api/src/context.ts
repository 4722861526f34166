import { randomUUID } from "node:crypto";
import type { Db, Role } from "@pos/db";
import { getDefaultBus, type EventBus } from "./events/index.ts";
import { consoleLogger, type Logger } from "./logger.ts";

/** The signed-in staff member as the API sees them; apps build it from their auth session. */
export interface SessionUser {
  id: number;
  name: string;
  email: string;
  role: Role;
  /** Home branch; null for managers and admins who work across branches. */
  branchId: number | null;
}

export type Session = { user: SessionUser } | null;

export interface ContextOptions {
  db: Db;
  session: Session;
  log?: Logger;
  /** Live events; apps pass their LISTEN/NOTIFY bus, tests and scripts get the process's in-process one. */
  bus?: EventBus;
  /** Correlates log lines and error replies; apps may pass an incoming x-request-id. */
  requestId?: string;
}

export interface Context {
  db: Db;
  session: Session;
  log: Logger;
  bus: EventBus;
  requestId: string;
}

/**
 * Everything a procedure may touch, with no dependency on a request object, so apps (from their auth
 * session) and tests (from a fixture user) build it the same way.
 */
export function createContextInner(options: ContextOptions): Context {
  return {
    db: options.db,
    session: options.session,
    log: options.log ?? consoleLogger,
    bus: options.bus ?? getDefaultBus(),
    requestId: options.requestId ?? randomUUID(),
  };
}
