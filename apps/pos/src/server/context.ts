import { createCaller, createContextInner, type Context } from "@pos/api";
import { getDb } from "@pos/db";
import { getStaffUser } from "~/auth";
import { getEventBus } from "~/server/bus";

/** The tRPC context for this request: the shared database client, the event bus and the staff session, if any. */
export async function createRequestContext(headers?: Headers): Promise<Context> {
  const [user, bus] = await Promise.all([getStaffUser(), getEventBus()]);
  return createContextInner({
    db: getDb(),
    bus,
    session: user ? { user } : null,
    requestId: headers?.get("x-request-id") ?? undefined,
  });
}

/** In-process caller for server components and actions: same procedures, no HTTP hop. */
export async function serverCaller() {
  return createCaller(await createRequestContext());
}
