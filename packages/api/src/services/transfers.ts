// Stock transfers between branches: DRAFT → SENT → RECEIVED, or CANCELLED from DRAFT or SENT.
// Stock leaves the origin when the transfer is sent (TRANSFER_OUT) and arrives at the destination when it is
// received (TRANSFER_IN); in between it is "in transit" and counted at neither branch.
//
// Cancelling a SENT transfer (decided): the goods are treated as back at the origin, so the origin gets its
// units back as CANCEL movements (positive) tied to the transfer, and the destination is never touched.
// Goods lost in transit are recorded afterwards as an adjustment with a reason, not hidden in a cancel.
import type { Db, Prisma, TransferStatus } from "@pos/db";
import type { TTransferCreate, TTransferListParsed } from "@pos/validators";
import type { SessionUser } from "../context.ts";
import { DomainError } from "../errors.ts";
import type { StockDeps } from "./inventory.ts";
import {
  announceStockChanges,
  applyStockChanges,
  inStockTransaction,
  type LedgerChange,
  type Tx,
} from "./stock-ledger.ts";

type Actor = Pick<SessionUser, "id">;

export const transferSelect = {
  id: true,
  fromBranchId: true,
  toBranchId: true,
  status: true,
  notes: true,
  createdById: true,
  sentAt: true,
  receivedAt: true,
  cancelledAt: true,
  createdAt: true,
  fromBranch: { select: { id: true, name: true } },
  toBranch: { select: { id: true, name: true } },
  items: {
    select: {
      variantId: true,
      quantity: true,
      variant: { select: { sku: true, sizeLabel: true, product: { select: { id: true, name: true } } } },
    },
    orderBy: { variantId: "asc" },
  },
} satisfies Prisma.StockTransferSelect;

export type TransferView = Prisma.StockTransferGetPayload<{ select: typeof transferSelect }>;

export async function loadTransfer(db: Db | Tx, transferId: number): Promise<TransferView> {
  const transfer = await db.stockTransfer.findUnique({ where: { id: transferId }, select: transferSelect });
  if (!transfer) {
    throw new DomainError("NOT_FOUND", `Transfer ${transferId} does not exist.`, { transferId });
  }
  return transfer;
}

export async function createTransfer(db: Db, input: TTransferCreate, actor: Actor): Promise<TransferView> {
  const branches = await db.branch.findMany({
    where: { id: { in: [input.fromBranchId, input.toBranchId] } },
    select: { id: true, active: true },
  });
  for (const branchId of [input.fromBranchId, input.toBranchId]) {
    const branch = branches.find((candidate) => candidate.id === branchId);
    if (!branch) throw new DomainError("NOT_FOUND", `Branch ${branchId} does not exist.`, { branchId });
    if (!branch.active) {
      throw new DomainError("BAD_REQUEST", `Branch ${branchId} is closed; transfers need two open branches.`, {
        branchId,
      });
    }
  }
  const variantIds = input.items.map((item) => item.variantId);
  const known = await db.variant.findMany({ where: { id: { in: variantIds } }, select: { id: true } });
  const missing = variantIds.find((variantId) => !known.some((variant) => variant.id === variantId));
  if (missing !== undefined) {
    throw new DomainError("NOT_FOUND", `Item ${missing} does not exist. Reload the catalog and try again.`, {
      variantId: missing,
    });
  }
  // Nested writes run in Prisma's own transaction; the view is read after it (see moveStock).
  const { id } = await db.stockTransfer.create({
    data: {
      fromBranchId: input.fromBranchId,
      toBranchId: input.toBranchId,
      notes: input.notes ?? null,
      createdById: actor.id,
      items: { create: input.items.map(({ variantId, quantity }) => ({ variantId, quantity })) },
    },
    select: { id: true },
  });
  return loadTransfer(db, id);
}

/** Transfers newest first; `branchIds` (undefined: all) match either end. */
export async function listTransfers(
  db: Db,
  input: Omit<TTransferListParsed, "branchId"> & { branchIds: readonly number[] | undefined },
) {
  const branchIds = input.branchIds ? [...input.branchIds] : undefined;
  const where: Prisma.StockTransferWhereInput = {
    ...(branchIds ? { OR: [{ fromBranchId: { in: branchIds } }, { toBranchId: { in: branchIds } }] } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(input.cursor ? { id: { lt: input.cursor } } : {}),
  };
  const rows = await db.stockTransfer.findMany({
    where,
    select: transferSelect,
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  return { items: page, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}

type Action = "send" | "receive" | "cancel";

const allowedFrom: Record<Action, readonly TransferStatus[]> = {
  send: ["DRAFT"],
  receive: ["SENT"],
  cancel: ["DRAFT", "SENT"],
};

const pastTense: Record<Action, string> = { send: "sent", receive: "received", cancel: "cancelled" };

const refusal: Record<Action, Partial<Record<TransferStatus, string>>> = {
  send: {
    SENT: "it was already sent",
    RECEIVED: "it was already received",
    CANCELLED: "it was cancelled",
  },
  receive: {
    DRAFT: "it has not been sent yet; send it first",
    RECEIVED: "it was already received",
    CANCELLED: "it was cancelled",
  },
  cancel: {
    RECEIVED: "it was already received; move the goods back with a new transfer",
    CANCELLED: "it was already cancelled",
  },
};

/**
 * Locks the transfer row and checks the move is legal. The lock is what makes two managers pressing "send"
 * at once send it once: the second waits, then finds it SENT and is refused.
 */
interface LockedTransfer {
  status: TransferStatus;
  fromBranchId: number;
  toBranchId: number;
  fromName: string;
  toName: string;
}

async function lockFor(tx: Tx, transferId: number, action: Action): Promise<LockedTransfer> {
  const rows = await tx.$queryRaw<LockedTransfer[]>`
    SELECT t."status", t."fromBranchId", t."toBranchId", f."name" AS "fromName", d."name" AS "toName"
      FROM "StockTransfer" t
      JOIN "Branch" f ON f."id" = t."fromBranchId"
      JOIN "Branch" d ON d."id" = t."toBranchId"
     WHERE t."id" = ${transferId}
       FOR UPDATE OF t`;
  const transfer = rows[0];
  if (!transfer) throw new DomainError("NOT_FOUND", `Transfer ${transferId} does not exist.`, { transferId });
  const { status } = transfer;
  if (!allowedFrom[action].includes(status)) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      `Transfer ${transferId} cannot be ${pastTense[action]}: ${refusal[action][status] ?? `it is ${status}`}.`,
      { transferId, status, action },
    );
  }
  return transfer;
}

// The view is read after the commit: Prisma runs a nested select's queries side by side, which a
// transaction's single connection can only queue (and pg warns about).
async function moveStock(
  tx: Tx,
  deps: StockDeps,
  transferId: number,
  changes: (item: { variantId: number; quantity: number }) => Omit<LedgerChange, "variantId" | "transferId">,
) {
  const items = await tx.stockTransferItem.findMany({
    where: { transferId },
    select: { variantId: true, quantity: true },
  });
  const applied = await applyStockChanges(
    tx,
    items.map((item) => ({ ...changes(item), variantId: item.variantId, transferId })),
  );
  await announceStockChanges(tx, deps.bus, applied);
}

/** DRAFT → SENT: every line leaves the origin, or none does (OUT_OF_STOCK names the first short line). */
export async function sendTransfer(deps: StockDeps, transferId: number, actor: Actor): Promise<TransferView> {
  await inStockTransaction(deps.db, async (tx) => {
    const transfer = await lockFor(tx, transferId, "send");
    await tx.stockTransfer.update({ where: { id: transferId }, data: { status: "SENT", sentAt: new Date() } });
    await moveStock(tx, deps, transferId, (item) => ({
      branchId: transfer.fromBranchId,
      quantity: -item.quantity,
      type: "TRANSFER_OUT",
      reason: `Transfer ${transferId} to ${transfer.toName}`,
      userId: actor.id,
    }));
  });
  return loadTransfer(deps.db, transferId);
}

/** SENT → RECEIVED: every line arrives at the destination. */
export async function receiveTransfer(deps: StockDeps, transferId: number, actor: Actor): Promise<TransferView> {
  await inStockTransaction(deps.db, async (tx) => {
    const transfer = await lockFor(tx, transferId, "receive");
    await tx.stockTransfer.update({ where: { id: transferId }, data: { status: "RECEIVED", receivedAt: new Date() } });
    await moveStock(tx, deps, transferId, (item) => ({
      branchId: transfer.toBranchId,
      quantity: item.quantity,
      type: "TRANSFER_IN",
      reason: `Transfer ${transferId} from ${transfer.fromName}`,
      userId: actor.id,
    }));
  });
  return loadTransfer(deps.db, transferId);
}

/** DRAFT → CANCELLED touches no stock; SENT → CANCELLED returns every line to the origin (CANCEL movements). */
export async function cancelTransfer(deps: StockDeps, transferId: number, actor: Actor): Promise<TransferView> {
  await inStockTransaction(deps.db, async (tx) => {
    const transfer = await lockFor(tx, transferId, "cancel");
    await tx.stockTransfer.update({
      where: { id: transferId },
      data: { status: "CANCELLED", cancelledAt: new Date() },
    });
    if (transfer.status === "SENT") {
      await moveStock(tx, deps, transferId, (item) => ({
        branchId: transfer.fromBranchId,
        quantity: item.quantity,
        type: "CANCEL",
        reason: `Transfer ${transferId} cancelled in transit`,
        userId: actor.id,
      }));
    }
  });
  return loadTransfer(deps.db, transferId);
}
