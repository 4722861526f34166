// The rest of a shop's life between sales: returns, cancelled orders, deliveries from suppliers, transfers
// between branches, stock corrections, petty cash and price changes. Each writes its movements and audit trail
// the way the app's services would.
import { fromCents, percentOf } from "@pos/validators";
import type { JsonObject } from "./rows.ts";
import type { Sim, SimEvent } from "./sim.ts";
import { DAY_MS } from "./time.ts";

type EventOf<K extends SimEvent["kind"]> = Extract<SimEvent, { kind: K }>;

export function audit(
  sim: Sim,
  at: Date,
  actorId: number | null,
  action: string,
  entity: string,
  entityId: number,
  data: JsonObject,
): void {
  sim.sink.push("AuditEvent", {
    id: sim.ids.audit.next(),
    actorId,
    action,
    entity,
    entityId: String(entityId),
    data,
    createdAt: at,
  });
}

function cashierAt(sim: Sim, branchId: number): number {
  return sim.sessions.get(branchId)?.cashierId ?? sim.staff.managerId;
}

export function processReturn(sim: Sim, event: EventOf<"return">): void {
  const at = new Date(event.at);
  const userId = cashierAt(sim, event.branchId);
  const id = sim.ids.return.next();
  // Mostly back on the shelf; now and then the item came back damaged.
  const restocked = sim.rng.chance(0.9);
  sim.sink.push("Return", {
    id,
    saleId: event.saleId,
    branchId: event.branchId,
    userId,
    clientId: sim.rng.uuid(),
    refundAmount: fromCents(event.amount),
    refundMethod: event.refundMethod,
    reason: restocked
      ? sim.rng.pick(["Cambio de talle", "No le gustó el color", "Regalo repetido"])
      : "Falla de fábrica",
    createdAt: at,
  });
  sim.sink.push("ReturnItem", {
    id: sim.ids.returnItem.next(),
    returnId: id,
    saleItemId: event.saleItemId,
    variantId: event.variantId,
    quantity: 1,
    amount: fromCents(event.amount),
    restocked,
  });
  if (restocked) {
    sim.ledger.move({
      branchId: event.branchId,
      variantId: event.variantId,
      quantity: 1,
      type: "RETURN",
      at,
      returnId: id,
      saleId: event.saleId,
      userId,
    });
  }
  const session = sim.sessions.get(event.branchId);
  if (event.refundMethod === "CASH" && session) session.cashRefunds += event.amount;
  audit(sim, at, userId, "sale.refunded", "Sale", event.saleId, {
    returnId: id,
    amount: fromCents(event.amount),
    restocked,
  });
  sim.counts.returns += 1;
}

/** A cancelled order gives its stock back to the branch that held it. */
export function processCancel(sim: Sim, event: EventOf<"cancel">): void {
  const at = new Date(event.at);
  for (const line of event.lines) {
    sim.ledger.move({
      branchId: event.branchId,
      variantId: line.variantId,
      quantity: line.quantity,
      type: "CANCEL",
      at,
      saleId: event.saleId,
      reason: "Pedido cancelado",
    });
  }
  sim.counts.cancelled += 1;
}

export function processRestock(sim: Sim, event: EventOf<"restock">): void {
  sim.restockArrived(event.branchId, event.variantId);
  const variant = sim.catalog.variants[event.variantId - 1];
  if (!variant) return;
  const target = (variant.minStock + 2) * sim.rng.int(2, 4);
  const quantity = target - sim.ledger.balance(event.branchId, event.variantId);
  if (quantity <= 0) return;
  const at = new Date(event.at);
  sim.ledger.move({
    branchId: event.branchId,
    variantId: event.variantId,
    quantity,
    type: "PURCHASE",
    at,
    reason: "Reposición de proveedor",
    userId: sim.staff.managerId,
  });
  sim.counts.restocks += 1;
}

/**
 * The downtown shop sends slow sizes to the outlet: a transfer leaves today (TRANSFER_OUT) and arrives tomorrow
 * (TRANSFER_IN). One still on the road at the end of the history stays SENT.
 */
export function sendTransfer(sim: Sim, event: EventOf<"transfer">): void {
  const [from, , to] = sim.branches;
  if (!from || !to) return;
  const { rng, ledger, catalog } = sim;
  const lines: { variantId: number; quantity: number }[] = [];
  for (let attempt = 0; attempt < 40 && lines.length < 5; attempt += 1) {
    const variantId = rng.int(1, catalog.variants.length);
    const stock = ledger.balance(from.id, variantId);
    if (stock >= 4 && !lines.some((line) => line.variantId === variantId))
      lines.push({ variantId, quantity: rng.int(1, 2) });
  }
  if (lines.length === 0) return;
  const id = sim.ids.transfer.next();
  const at = new Date(event.at);
  const arrives = event.at + DAY_MS;
  const received = arrives < sim.cutoff;
  sim.sink.push("StockTransfer", {
    id,
    fromBranchId: from.id,
    toBranchId: to.id,
    status: received ? "RECEIVED" : "SENT",
    notes: "Talles de baja rotación para el outlet",
    createdById: sim.staff.managerId,
    sentAt: at,
    receivedAt: received ? new Date(arrives) : null,
    cancelledAt: null,
    createdAt: at,
    updatedAt: new Date(received ? arrives : event.at),
  });
  for (const line of lines) {
    sim.sink.push("StockTransferItem", { id: sim.ids.transferItem.next(), transferId: id, ...line });
    ledger.move({
      branchId: from.id,
      variantId: line.variantId,
      quantity: -line.quantity,
      type: "TRANSFER_OUT",
      at,
      transferId: id,
      userId: sim.staff.managerId,
    });
    sim.considerRestock(from.id, line.variantId, event.at);
  }
  sim.schedule({ kind: "transferIn", at: arrives, transferId: id, branchId: to.id, lines });
}

export function receiveTransfer(sim: Sim, event: EventOf<"transferIn">): void {
  const at = new Date(event.at);
  for (const line of event.lines) {
    sim.ledger.move({
      branchId: event.branchId,
      variantId: line.variantId,
      quantity: line.quantity,
      type: "TRANSFER_IN",
      at,
      transferId: event.transferId,
      userId: sim.staff.managerId,
    });
  }
}

/** A stock count finds a unit missing (or one extra), or a damaged item is written off. */
export function adjustStock(sim: Sim, event: EventOf<"adjust">): void {
  const { rng, ledger, catalog } = sim;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const variantId = rng.int(1, catalog.variants.length);
    const stock = ledger.balance(event.branchId, variantId);
    if (stock < 1) continue;
    const [quantity, reason] = rng.pick([
      [-1, "Rotura / falla"],
      [-1, "Conteo: faltante"],
      [1, "Conteo: sobrante"],
    ] as const);
    const at = new Date(event.at);
    const balanceAfter = ledger.move({
      branchId: event.branchId,
      variantId,
      quantity,
      type: "ADJUSTMENT",
      at,
      reason,
      userId: sim.staff.managerId,
    });
    audit(sim, at, sim.staff.managerId, "stock.adjusted", "Variant", variantId, {
      branchId: event.branchId,
      quantity,
      reason,
      balanceAfter,
    });
    return;
  }
}

/** Petty cash taken from the drawer (cleaning supplies, a courier): it lowers the cash expected at closing. */
export function payOut(sim: Sim, event: EventOf<"payout">): void {
  const session = sim.sessions.get(event.branchId);
  if (!session) return;
  const amount = sim.rng.int(3, 15) * 1_000_00;
  session.payOuts += amount;
  sim.sink.push("CashMovement", {
    id: sim.ids.cashMovement.next(),
    sessionId: session.id,
    type: "PAY_OUT",
    amount: fromCents(amount),
    reason: sim.rng.pick(["Artículos de limpieza", "Cadete", "Café y yerba", "Cinta para etiquetadora"]),
    userId: session.cashierId,
    createdAt: new Date(event.at),
  });
}

/** Prices go up in Argentina: the audit trail shows the last increase of some products. */
export function changePrice(sim: Sim, event: EventOf<"priceChange">): void {
  const variant = sim.catalog.variants[sim.rng.int(0, sim.catalog.variants.length - 1)];
  if (!variant) return;
  const before = variant.priceCents - percentOf(variant.priceCents, sim.rng.int(5, 15));
  audit(sim, new Date(event.at), sim.staff.adminId, "product.price_changed", "Product", variant.productId, {
    from: fromCents(before),
    to: fromCents(variant.priceCents),
  });
}
