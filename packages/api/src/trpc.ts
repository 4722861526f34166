import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import superjson from "superjson";
import type { Context } from "./context.ts";
import { isDomainError, type DomainErrorCode } from "./errors.ts";

/** Domain codes → tRPC codes (and so HTTP statuses); the one place this mapping exists. */
const trpcCodeOf: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  OUT_OF_STOCK: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
};

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "lines.0.quantity"; "" for the input as a whole. */
  path: string;
  message: string;
}

/** Zod errors and tRPC's Standard Schema errors both carry `issues` with a `path` of keys. */
function fieldIssues(cause: unknown): FieldIssue[] | null {
  if (!(cause instanceof Error) || !("issues" in cause) || !Array.isArray(cause.issues)) return null;
  return cause.issues.map((issue: { path?: readonly (PropertyKey | { key: PropertyKey })[]; message: string }) => ({
    path: (issue.path ?? []).map((key) => String(typeof key === "object" ? key.key : key)).join("."),
    message: issue.message,
  }));
}

export const GENERIC_ERROR_MESSAGE =
  "Something went wrong on our side. Try again; if it persists, quote the reference.";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const domain = isDomainError(error.cause) ? { code: error.cause.code, details: error.cause.details } : null;
    // Anything we did not throw on purpose may carry internals (SQL, paths): the caller gets a reference only.
    const unexpected = error.code === "INTERNAL_SERVER_ERROR" && !domain;
    const requestId = ctx?.requestId ?? null;
    // The development stack trace repeats the original message, so it goes too; the server log keeps it.
    const { stack: _stack, ...withoutStack } = shape.data;
    return {
      ...shape,
      message: unexpected ? `${GENERIC_ERROR_MESSAGE} (ref ${requestId ?? "n/a"})` : shape.message,
      data: {
        ...(unexpected ? withoutStack : shape.data),
        requestId,
        domain,
        issues: error.code === "BAD_REQUEST" ? fieldIssues(error.cause) : null,
      },
    };
  },
});

export const router = t.router;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;

/**
 * Outermost middleware of every procedure. Services throw DomainError; here it becomes a TRPCError with the
 * mapped code (so the HTTP status is right too), and anything unexpected is logged once with the request id.
 */
export const baseProcedure = t.procedure.use(async ({ ctx, next, path, type }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (isDomainError(cause)) {
    throw new TRPCError({ code: trpcCodeOf[cause.code], message: cause.message, cause });
  }
  if (result.error.code === "INTERNAL_SERVER_ERROR") {
    ctx.log.error("Unexpected error in procedure", {
      requestId: ctx.requestId,
      path,
      type,
      error: cause ? (cause.stack ?? cause.message) : result.error.message,
    });
  }
  return result;
});
