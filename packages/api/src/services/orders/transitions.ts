// The life of a sale as ONE table: what each status may become. Every status change in the API asks this
// table, so a rule lives here once. Orders: PENDING → CONFIRMED → READY (pickup) / SHIPPED → DELIVERED, or
// CANCELLED on the way; register sales are COMPLETED at once and can only be VOIDED (by `sales.void`).
import type { SaleStatus } from "@pos/db";
import { DomainError } from "../../errors.ts";

/** How a change is asked for: a manager's status change, a register sale's void, or a hold running out. */
export type TransitionVia = "status" | "void" | "expiry";

export const TRANSITIONS: Readonly<Record<SaleStatus, readonly SaleStatus[]>> = {
  PENDING: ["CONFIRMED", "CANCELLED"],
  CONFIRMED: ["READY", "SHIPPED", "CANCELLED"],
  READY: ["DELIVERED", "CANCELLED"],
  SHIPPED: ["DELIVERED"],
  DELIVERED: [],
  COMPLETED: ["VOIDED"],
  CANCELLED: [],
  VOIDED: [],
};

/** VOIDED is reached only by voiding, and voiding reaches nothing else; an expiry only cancels. */
function viaAllows(to: SaleStatus, via: TransitionVia): boolean {
  if (via === "void") return to === "VOIDED";
  if (via === "expiry") return to === "CANCELLED";
  return to !== "VOIDED";
}

export function canTransition(from: SaleStatus, to: SaleStatus, via: TransitionVia = "status"): boolean {
  return TRANSITIONS[from].includes(to) && viaAllows(to, via);
}

/** The statuses a manager can move a sale to from `from` (for the admin screen's buttons). */
export function nextStatuses(from: SaleStatus): SaleStatus[] {
  return TRANSITIONS[from].filter((to) => canTransition(from, to, "status"));
}

export function assertTransition(from: SaleStatus, to: SaleStatus, via: TransitionVia, what: string): void {
  if (canTransition(from, to, via)) return;
  const hint =
    to === "VOIDED" && via !== "void"
      ? " Register sales are voided with a reason (sales.void)."
      : nextStatuses(from).length > 0
        ? ` From ${from} it can become ${nextStatuses(from).join(" or ")}.`
        : ` ${from} is final.`;
  throw new DomainError("CONFLICT", `${what} is ${from} and cannot become ${to}.${hint}`, { from, to });
}
