// The stock ledger in memory: every change is a movement with its balance after, and the final StockLevel rows
// are the balances, so "stock level = sum of movements" holds by construction (domain rule 4). Balances live in
// a typed array indexed by (branch, variant): 1.5 million pairs of the large catalog take 6 MB.
import type { MovementType } from "@pos/db";
import { IdCounter, type RowSink } from "./rows.ts";

export interface MovementInput {
  branchId: number;
  variantId: number;
  /** Signed, never zero. */
  quantity: number;
  type: MovementType;
  at: Date;
  reason?: string | null;
  userId?: number | null;
  saleId?: number | null;
  returnId?: number | null;
  transferId?: number | null;
}

export class Ledger {
  private readonly balances: Int32Array;
  private readonly lastMoved: Float64Array;
  private readonly ids = new IdCounter();

  /** Branch and variant ids are 1…n (the seed assigns them), so (id − 1) indexes the arrays. */
  constructor(
    private readonly sink: RowSink,
    readonly branchCount: number,
    readonly variantCount: number,
  ) {
    this.balances = new Int32Array(branchCount * variantCount);
    this.lastMoved = new Float64Array(branchCount * variantCount);
  }

  private slot(branchId: number, variantId: number): number {
    return (branchId - 1) * this.variantCount + (variantId - 1);
  }

  balance(branchId: number, variantId: number): number {
    return this.balances[this.slot(branchId, variantId)] ?? 0;
  }

  get movements(): number {
    return this.ids.current;
  }

  /** Records a movement. The seed never oversells: a movement that would go below zero is a bug, so it throws. */
  move(input: MovementInput): number {
    if (input.quantity === 0 || !Number.isInteger(input.quantity))
      throw new RangeError(`movement of ${input.quantity}`);
    const slot = this.slot(input.branchId, input.variantId);
    const balanceAfter = (this.balances[slot] ?? 0) + input.quantity;
    if (balanceAfter < 0) {
      throw new Error(
        `seed oversold variant ${input.variantId} at branch ${input.branchId} (${input.type} ${input.quantity})`,
      );
    }
    this.balances[slot] = balanceAfter;
    this.lastMoved[slot] = input.at.getTime();
    this.sink.push("InventoryMovement", {
      id: this.ids.next(),
      branchId: input.branchId,
      variantId: input.variantId,
      quantity: input.quantity,
      balanceAfter,
      type: input.type,
      reason: input.reason ?? null,
      userId: input.userId ?? null,
      saleId: input.saleId ?? null,
      returnId: input.returnId ?? null,
      transferId: input.transferId ?? null,
      createdAt: input.at,
    });
    return balanceAfter;
  }

  /** One StockLevel row per (branch, variant), zeros included, so every screen finds a row to show. */
  async writeStockLevels(fallback: Date): Promise<void> {
    for (let branchId = 1; branchId <= this.branchCount; branchId += 1) {
      await this.sink.flush();
      for (let variantId = 1; variantId <= this.variantCount; variantId += 1) {
        const slot = this.slot(branchId, variantId);
        const moved = this.lastMoved[slot] ?? 0;
        this.sink.push("StockLevel", {
          branchId,
          variantId,
          quantity: this.balances[slot] ?? 0,
          updatedAt: moved ? new Date(moved) : fallback,
        });
      }
    }
    await this.sink.flush();
  }
}
