// Managers moving orders along the transition table, and voiding register sales.
import type { Db } from "@pos/db";
import type { TOrderStatusChangeParsed, TSaleVoid } from "@pos/validators";
import { DomainError } from "../../errors.ts";
import type { EventBus } from "../../events/index.ts";
import { recordAudit } from "../audit.ts";
import { inStockTransaction } from "../stock-ledger.ts";
import { cancelSale, lockSale } from "./cancel.ts";
import { assertTransition } from "./transitions.ts";

export interface StatusChanged {
  saleId: number;
  reference: string;
  from: string;
  status: string;
}

export async function setOrderStatus(
  ctx: { db: Db; bus: EventBus },
  input: TOrderStatusChangeParsed,
  actor: { id: number },
): Promise<StatusChanged> {
  return inStockTransaction(ctx.db, async (tx) => {
    const sale = await lockSale(tx, input.saleId);
    if (sale.channel === "POS") {
      throw new DomainError(
        "CONFLICT",
        `${sale.reference} is a register sale, not an order: void it with a reason instead.`,
      );
    }
    const result = { saleId: sale.id, reference: sale.reference, from: sale.status, status: input.to };
    if (input.to === "CANCELLED") {
      await cancelSale(tx, ctx.bus, sale, {
        to: "CANCELLED",
        via: "status",
        actorId: actor.id,
        reason: input.reason ?? "Cancelled by a manager",
        action: "order.cancelled",
      });
      return result;
    }
    assertTransition(sale.status, input.to, "status", `Order ${sale.reference}`);
    await tx.sale.update({ where: { id: sale.id }, data: { status: input.to } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "order.status_changed",
      entity: "Sale",
      entityId: sale.id,
      data: { reference: sale.reference, from: sale.status, to: input.to },
    });
    await ctx.bus.publishInTransaction(tx, "order.updated", {
      saleId: sale.id,
      branchId: sale.branchId,
      channel: sale.channel,
      status: input.to,
    });
    return result;
  });
}

/**
 * A register sale taken back whole (wrong items rung up, customer changed their mind at the counter): every
 * unit back in stock, the sale VOIDED. Once goods have come back through a return, the sale is refused here:
 * restocking all of it again would count the returned units twice.
 */
export async function voidSale(
  ctx: { db: Db; bus: EventBus },
  input: TSaleVoid,
  actor: { id: number },
): Promise<StatusChanged> {
  return inStockTransaction(ctx.db, async (tx) => {
    const sale = await lockSale(tx, input.saleId);
    if (sale.channel !== "POS") {
      throw new DomainError("CONFLICT", `${sale.reference} is an order: cancel it from the orders queue instead.`);
    }
    if (sale.hasReturns) {
      throw new DomainError(
        "CONFLICT",
        `Sale ${sale.reference} already has returns, so it cannot be voided: return the remaining items instead.`,
      );
    }
    await cancelSale(tx, ctx.bus, sale, {
      to: "VOIDED",
      via: "void",
      actorId: actor.id,
      reason: input.reason,
      action: "sale.voided",
    });
    return { saleId: sale.id, reference: sale.reference, from: sale.status, status: "VOIDED" };
  });
}
