// Entry point for apps/pos and tests. apps/store must import "@pos/api/store" instead (enforced by lint).
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { appRouter, type AppRouter } from "./root.ts";
import { createCallerFactory } from "./trpc.ts";

export { appRouter, storeRouter, type AppRouter, type StoreRouter } from "./root.ts";
export { createContextInner, type Context, type ContextOptions, type Session, type SessionUser } from "./context.ts";
export {
  DomainError,
  domainErrorCodes,
  isDomainError,
  type DomainErrorCode,
  type DomainErrorDetails,
} from "./errors.ts";
export { consoleLogger, silentLogger, type Logger, type LogFields } from "./logger.ts";
export { GENERIC_ERROR_MESSAGE, type FieldIssue } from "./trpc.ts";
export {
  connectPgEventBus,
  createEventBus,
  getDefaultBus,
  getProcessEventBus,
  type BusEvent,
  type EventBus,
  type EventMap,
  type Topic,
} from "./events/index.ts";
export { currentStaffUser, forgetStaffAccess, STAFF_ACCESS_TTL_MS } from "./services/staff-access.ts";
export { STORE_TIME_ZONE } from "./services/z-report.ts";
export { expireHolds, type HoldsExpired } from "./services/orders/expire.ts";
export { resolveUploadsDir, serveUpload, type UploadRequest } from "./uploads.ts";
export { CSV_DOWNLOADS, handleCsvDownload, type CsvDownload } from "./exports/handler.ts";
export {
  createImageStorage,
  defaultImageStorage,
  handleLocalUpload,
  type ImageStorage,
  type UploadTicket,
} from "./images/index.ts";

/** Calls procedures in-process (server components, scripts, tests) with a context from createContextInner. */
export const createCaller = createCallerFactory(appRouter);

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
