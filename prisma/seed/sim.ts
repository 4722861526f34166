// Shared state of the sales-history simulation: who works where, id counters, the open cash sessions and the
// queue of future events (returns, cancellations, deliveries, transfers arriving).
import type { PaymentType } from "@pos/db";
import type { Catalog } from "./catalog.ts";
import type { PaymentSetup } from "./config.ts";
import type { CustomerRef } from "./customers.ts";
import type { Ledger } from "./ledger.ts";
import type { Random } from "./random.ts";
import { IdCounter, type RowSink } from "./rows.ts";
import { DAY_MS, atLocal, localMidnight } from "./time.ts";
import type { StaffIds } from "./users.ts";

export interface SimBranch {
  id: number;
  code: string;
  /** Relative traffic (1 = average). */
  traffic: number;
}

export interface CashSessionState {
  id: number;
  branchId: number;
  cashierId: number;
  openedAt: number;
  openingFloat: number;
  cashIn: number;
  cashRefunds: number;
  payIns: number;
  payOuts: number;
}

export interface StockLine {
  variantId: number;
  quantity: number;
}

export type SimEvent =
  /** A register sale; `offlineAt` when it was made offline and reaches the server at `at`. */
  | { kind: "pos"; at: number; branchId: number; offlineAt: number | null }
  | { kind: "order"; at: number }
  | { kind: "payout"; at: number; branchId: number }
  | { kind: "adjust"; at: number; branchId: number }
  | { kind: "transfer"; at: number }
  | { kind: "priceChange"; at: number }
  | {
      kind: "return";
      at: number;
      saleId: number;
      branchId: number;
      saleItemId: number;
      variantId: number;
      amount: number;
      refundMethod: PaymentType;
    }
  | { kind: "cancel"; at: number; saleId: number; branchId: number; lines: StockLine[] }
  | { kind: "restock"; at: number; branchId: number; variantId: number }
  | { kind: "transferIn"; at: number; transferId: number; branchId: number; lines: StockLine[] };

export interface SimCounts {
  sales: number;
  orders: number;
  returns: number;
  cancelled: number;
  restocks: number;
  skippedLines: number;
}

export class Sim {
  readonly ids = {
    sale: new IdCounter(),
    saleItem: new IdCounter(),
    payment: new IdCounter(),
    return: new IdCounter(),
    returnItem: new IdCounter(),
    session: new IdCounter(),
    cashMovement: new IdCounter(),
    transfer: new IdCounter(),
    transferItem: new IdCounter(),
    audit: new IdCounter(),
  };
  /** Last sale number handed out per branch id. */
  readonly numbers = new Map<number, number>();
  /** Today's open register shift per branch id. */
  readonly sessions = new Map<number, CashSessionState>();
  readonly counts: SimCounts = { sales: 0, orders: 0, returns: 0, cancelled: 0, restocks: 0, skippedLines: 0 };
  /** Future events, earliest first: the day loop interleaves them with the day's own events. */
  readonly pending = new EventQueue();
  /** (branch, variant) pairs with a delivery already on its way. */
  readonly restockPending: Uint8Array;

  constructor(
    readonly rng: Random,
    readonly sink: RowSink,
    readonly catalog: Catalog,
    readonly ledger: Ledger,
    readonly payments: PaymentSetup,
    readonly customers: readonly CustomerRef[],
    readonly staff: StaffIds,
    readonly branches: readonly SimBranch[],
    readonly fulfillmentBranchId: number,
    /** The seed's "now": order statuses follow their age at this moment. */
    readonly now: number,
    /** Events are played up to here (the start of today); later ones are dropped. */
    readonly cutoff: number,
  ) {
    this.restockPending = new Uint8Array(branches.length * catalog.variants.length);
  }

  nextNumber(branchId: number): number {
    const next = (this.numbers.get(branchId) ?? 0) + 1;
    this.numbers.set(branchId, next);
    return next;
  }

  schedule(event: SimEvent): void {
    if (event.at < this.cutoff) this.pending.push(event);
  }

  /**
   * After stock leaves a branch: an empty shelf is usually reordered (not always: some pairs stay out of stock,
   * which the demo should show), a low one sometimes. The delivery arrives 2–7 days later at opening time.
   */
  considerRestock(branchId: number, variantId: number, at: number): void {
    const variant = this.catalog.variants[variantId - 1];
    if (!variant) return;
    const balance = this.ledger.balance(branchId, variantId);
    const slot = (branchId - 1) * this.catalog.variants.length + (variantId - 1);
    if (balance >= variant.minStock || this.restockPending[slot]) return;
    if (!this.rng.chance(balance === 0 ? 0.8 : 0.25)) return;
    this.restockPending[slot] = 1;
    const arrives = atLocal(localMidnight(at) + this.rng.int(2, 7) * DAY_MS, 9.5);
    this.schedule({ kind: "restock", at: arrives, branchId, variantId });
  }

  restockArrived(branchId: number, variantId: number): void {
    this.restockPending[(branchId - 1) * this.catalog.variants.length + (variantId - 1)] = 0;
  }

  customer(): CustomerRef | null {
    return this.customers.length ? this.rng.pick(this.customers) : null;
  }
}

/** A binary min-heap on `at`; ties keep no particular order (they are different pairs or the same moment). */
export class EventQueue {
  private readonly heap: SimEvent[] = [];

  get size(): number {
    return this.heap.length;
  }

  peek(): SimEvent | undefined {
    return this.heap[0];
  }

  push(event: SimEvent): void {
    const heap = this.heap;
    heap.push(event);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const up = heap[parent];
      if (!up || up.at <= event.at) break;
      heap[i] = up;
      i = parent;
    }
    heap[i] = event;
  }

  pop(): SimEvent | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (!top || !last || heap.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      let smallestAt = last.at;
      const l = heap[left];
      const r = heap[right];
      if (l && l.at < smallestAt) {
        smallest = left;
        smallestAt = l.at;
      }
      if (r && r.at < smallestAt) smallest = right;
      if (smallest === i) break;
      heap[i] = heap[smallest] as SimEvent;
      i = smallest;
    }
    heap[i] = last;
    return top;
  }
}
