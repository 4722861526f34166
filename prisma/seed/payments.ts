// How a sale is paid: method mix, split payments, card installments with the plan's surcharge, the cash
// discount. All in cents; the parts always add up to the total exactly.
import { percentOf } from "@pos/validators";
import type { MethodRef, PaymentSetup } from "./config.ts";
import type { Random } from "./random.ts";

export interface PaymentDraft {
  method: MethodRef;
  /** What this payment covers, its surcharge included. */
  amount: number;
  installments: number;
  surcharge: number;
  tendered: number | null;
  reference: string | null;
}

export interface Settlement {
  /** Sale-level discount (the cash discount). */
  discount: number;
  /** Σ payment surcharges. */
  surcharge: number;
  payments: PaymentDraft[];
}

const PESOS = 100;

function reference(rng: Random, method: MethodRef): string | null {
  switch (method.type) {
    case "DEBIT":
    case "CREDIT":
      return `Cupón ${rng.int(1000, 99999)} · Lote ${rng.int(1, 400)}`;
    case "QR":
      return `MP ${rng.int(10_000_000, 99_999_999)}${rng.int(10, 99)}`;
    case "TRANSFER":
      return `Transferencia ${rng.int(100_000, 999_999)}`;
    default:
      return null;
  }
}

/** Cash handed over: the exact amount, or the next round bill above it. */
function tendered(rng: Random, amount: number): number {
  if (rng.chance(0.35)) return amount;
  const step = amount >= 20_000 * PESOS ? 10_000 * PESOS : 1_000 * PESOS;
  return Math.ceil(amount / step) * step;
}

function pay(rng: Random, setup: PaymentSetup, method: MethodRef, base: number, installments = 1): PaymentDraft {
  const plan = setup.plans.find(([count]) => count === installments);
  const surcharge = method.type === "CREDIT" && plan ? percentOf(base, plan[1]) : 0;
  const amount = base + surcharge;
  return {
    method,
    amount,
    installments,
    surcharge,
    tendered: method.type === "CASH" ? tendered(rng, amount) : null,
    reference: reference(rng, method),
  };
}

function installments(rng: Random, base: number): number {
  // Long plans only make sense on bigger tickets.
  return rng.weighted([
    [1, 45],
    [3, 30],
    [6, base >= 40_000 * PESOS ? 15 : 0],
    [12, base >= 80_000 * PESOS ? 10 : 0],
  ]);
}

function settle(discount: number, payments: PaymentDraft[]): Settlement {
  return { discount, surcharge: payments.reduce((sum, p) => sum + p.surcharge, 0), payments };
}

/** A register sale: mostly one method; 6 % split in two; cash-only sales get the cash discount. */
export function settlePos(rng: Random, subtotal: number, setup: PaymentSetup): Settlement {
  if (subtotal >= 3_000 * PESOS && rng.chance(0.06)) {
    const [first, second] = rng.pick([
      [setup.cash, setup.debit],
      [setup.cash, setup.credit],
      [setup.debit, setup.credit],
      [setup.qr, setup.cash],
    ] as const);
    // The first method pays a round sum, the second the rest.
    const step = 1_000 * PESOS;
    const share = Math.floor((subtotal * rng.int(30, 70)) / (100 * step)) * step;
    const firstPart = Math.min(Math.max(share, step), subtotal - step);
    const restInstallments = second.type === "CREDIT" ? rng.pick([1, 3]) : 1;
    return settle(0, [
      pay(rng, setup, first, firstPart),
      pay(rng, setup, second, subtotal - firstPart, restInstallments),
    ]);
  }
  const method = rng.weighted([
    [setup.cash, 33],
    [setup.debit, 30],
    [setup.credit, 20],
    [setup.qr, 12],
    [setup.transfer, 5],
  ]);
  if (method.type === "CASH") {
    const discount = -percentOf(subtotal, setup.cashAdjustmentPercent);
    return settle(discount, [pay(rng, setup, method, subtotal - discount)]);
  }
  return settle(0, [pay(rng, setup, method, subtotal, method.type === "CREDIT" ? installments(rng, subtotal) : 1)]);
}

/** Storefront orders pay by QR, card or transfer; WhatsApp orders by transfer or QR. No cash discount. */
export function settleOrder(
  rng: Random,
  subtotal: number,
  channel: "ONLINE" | "WHATSAPP",
  setup: PaymentSetup,
): Settlement {
  const method =
    channel === "ONLINE"
      ? rng.weighted([
          [setup.qr, 40],
          [setup.credit, 40],
          [setup.transfer, 20],
        ])
      : rng.weighted([
          [setup.transfer, 70],
          [setup.qr, 30],
        ]);
  return settle(0, [pay(rng, setup, method, subtotal, method.type === "CREDIT" ? installments(rng, subtotal) : 1)]);
}
