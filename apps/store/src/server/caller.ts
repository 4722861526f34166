import { createStoreCaller, createStoreContext } from "@pos/api/store";

/** In-process access to the public store procedures for server components (no HTTP hop, no session). */
export function storeCaller(headers?: Headers) {
  return createStoreCaller(createStoreContext({ requestId: headers?.get("x-request-id") ?? undefined }));
}
