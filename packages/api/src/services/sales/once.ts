// Exactly once (domain rule 3): a sale, an order or a return carries a client-made UUID. The first request
// with it does the work; any later one with the same content gets the same answer and creates nothing; one
// with different content is refused.
//
// Optimistic, not locked: the unique index on clientId is the arbiter. A request simply does its work; a
// repeated one fails, either as a duplicate at the insert (after waiting for the first's index entry to
// commit) or for stock (after waiting on the first's stock rows), and only then looks for an earlier record
// and answers with it. Two identical requests in flight at once are the same case. The common path, a new
// sale, pays nothing for this: no lock and no lookup.
import { createHash } from "node:crypto";
import { DomainError, isDomainError } from "../../errors.ts";

/** A stable fingerprint of what was asked (the parsed input, so defaults and trimming count as the same). */
export function requestHash(request: unknown): string {
  return createHash("sha256").update(JSON.stringify(request)).digest("base64url");
}

export interface Earlier<T> {
  requestHash: string | null;
  /** The answer the first request got (or would get now), marked as a replay. */
  replay: T;
}

export interface OnceOptions<T> {
  /** "sale", "order", "return": for the message when a client id comes back with other content. */
  what: string;
  hash: string;
  findEarlier(): Promise<Earlier<T> | null>;
  /** The work, in its own transaction; its unique index on clientId must reject a second insert. */
  run(): Promise<T>;
}

function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  if (error.code === "P2002") return true;
  // Raw statements report the driver's error: P2010 with Postgres' own code inside.
  return error.code === "P2010" && JSON.stringify((error as { meta?: unknown }).meta ?? {}).includes('"23505"');
}

function answer<T>(what: string, earlier: Earlier<T>, hash: string): T {
  if (earlier.requestHash !== hash) {
    throw new DomainError(
      "CONFLICT",
      `This ${what} was already recorded with different content. Start a new ${what} instead of resending this one.`,
      { reason: "CLIENT_ID_REUSED" },
    );
  }
  return earlier.replay;
}

export async function exactlyOnce<T>(options: OnceOptions<T>): Promise<T> {
  try {
    return await options.run();
  } catch (error) {
    // An earlier request (or a twin in flight) may have recorded it: then this one is a replay, whatever made
    // it fail. Checking after a failure rather than before keeps the lookup off the common path.
    if (isUniqueViolation(error) || isDomainError(error)) {
      const winner = await options.findEarlier();
      if (winner) return answer(options.what, winner, options.hash);
    }
    throw error;
  }
}
