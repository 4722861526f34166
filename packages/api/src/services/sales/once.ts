// Exactly once (domain rule 3): a sale, an order or a return carries a client-made UUID. The first request
// with it does the work; any later one with the same content gets the same answer and creates nothing; one
// with different content is refused. Two identical requests in flight at once are serialised on an advisory
// lock keyed by the id, so the second waits for the first to commit and then finds its result.
import { createHash } from "node:crypto";
import { DomainError } from "../../errors.ts";
import type { Tx } from "../stock-ledger.ts";

/** A stable fingerprint of what was asked (the parsed input, so defaults and trimming count as the same). */
export function requestHash(request: unknown): string {
  return createHash("sha256").update(JSON.stringify(request)).digest("base64url");
}

/**
 * Takes the transaction-scoped lock for one client id. Sales and returns have separate id spaces (the
 * namespace), so the same UUID used for both cannot make one wait for the other.
 */
export async function lockClientId(tx: Tx, namespace: "sale" | "return", clientId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${namespace}:${clientId}`}, 0))`;
}

/** What to do with an earlier record found under the same client id. */
export function assertSameRequest(what: string, earlierHash: string | null, hash: string): void {
  if (earlierHash !== hash) {
    throw new DomainError(
      "CONFLICT",
      `This ${what} was already recorded with different content. Start a new ${what} instead of resending this one.`,
      { reason: "CLIENT_ID_REUSED" },
    );
  }
}
