// The sales history: day by day, each branch opens its register, sells through the day with weekday and hourly
// patterns, and closes with a cash count; the fulfilment branch takes online and WhatsApp orders. Events are
// played in time order (the day's own plus those scheduled earlier), so movement ids follow time and every
// movement's balanceAfter is the running balance.
import { fromCents } from "@pos/validators";
import {
  adjustStock,
  audit,
  changePrice,
  payOut,
  processCancel,
  processRestock,
  processReturn,
  receiveTransfer,
  sendTransfer,
} from "./events.ts";
import { sellAtRegister, takeOrder, type ForcedOrder } from "./sales.ts";
import type { Sim, SimEvent } from "./sim.ts";
import { DAY_MS, atLocal, localWeekday } from "./time.ts";

export interface HistoryOptions {
  /** Whole days before today. */
  days: number;
  /** Register sales per branch on an average day (before weekday and branch traffic). */
  posSalesPerBranchDay: number;
  ordersPerDay: number;
  /** Write what is ready to the database every N days (bounded memory for the large seed). */
  flushEveryDays: number;
  progress?: (daysDone: number) => void;
}

/** Sunday … Saturday: Saturdays are busiest, Sunday afternoons quiet. */
const WEEKDAY = [0.55, 0.8, 0.85, 0.9, 1.0, 1.25, 1.65] as const;
/** Hour of the day (local) → relative traffic; shops open 10 to 20. */
const HOURS: readonly (readonly [number, number])[] = [
  [10, 4],
  [11, 7],
  [12, 9],
  [13, 10],
  [14, 7],
  [15, 6],
  [16, 8],
  [17, 11],
  [18, 14],
  [19, 12],
];
const OPENING_FLOAT = 50_000_00;
const TODAY: readonly ForcedOrder[] = [
  { status: "SHIPPED", channel: "ONLINE", fulfillment: "SHIPPING" },
  { status: "READY", channel: "WHATSAPP", fulfillment: "PICKUP" },
  { status: "CONFIRMED", channel: "ONLINE", fulfillment: "PICKUP" },
  { status: "PENDING", channel: "ONLINE", fulfillment: "SHIPPING" },
  { status: "PENDING", channel: "WHATSAPP", fulfillment: "PICKUP" },
];

function planDay(sim: Sim, dayStart: number, options: HistoryOptions): SimEvent[] {
  const { rng } = sim;
  const weekday = WEEKDAY[localWeekday(dayStart)] ?? 1;
  const at = (hour: number) => atLocal(dayStart, hour + rng.next());
  const events: SimEvent[] = [];
  for (const branch of sim.branches) {
    const count = Math.round(options.posSalesPerBranchDay * weekday * branch.traffic * (0.8 + 0.4 * rng.next()));
    for (let i = 0; i < count; i += 1) {
      const made = at(rng.weighted(HOURS));
      // 1 % are made while the register is offline and reach the server when it reconnects (before closing):
      // the sale, and its movements, happen at the moment the server receives it.
      const synced = rng.chance(0.01) ? Math.min(made + rng.int(5, 40) * 60_000, atLocal(dayStart, 20.1)) : null;
      events.push({ kind: "pos", at: synced ?? made, branchId: branch.id, offlineAt: synced === null ? null : made });
    }
    if (rng.chance(0.06)) events.push({ kind: "payout", at: at(rng.int(11, 18)), branchId: branch.id });
    if (rng.chance(0.1)) events.push({ kind: "adjust", at: at(rng.int(10, 19)), branchId: branch.id });
  }
  const orders = Math.round(options.ordersPerDay * (0.5 + weekday / 2) * (0.6 + 0.8 * rng.next()));
  for (let i = 0; i < orders; i += 1) events.push({ kind: "order", at: at(rng.int(8, 23)) });
  if (rng.chance(1 / 12)) events.push({ kind: "transfer", at: at(11) });
  if (rng.chance(0.1)) events.push({ kind: "priceChange", at: at(9) });
  return events.sort((a, b) => a.at - b.at);
}

function run(sim: Sim, event: SimEvent): void {
  switch (event.kind) {
    case "pos": {
      const session = sim.sessions.get(event.branchId);
      if (session) sellAtRegister(sim, event.branchId, event.at, event.offlineAt, session);
      return;
    }
    case "order":
      return takeOrder(sim, event.at);
    case "return":
      return processReturn(sim, event);
    case "cancel":
      return processCancel(sim, event);
    case "restock":
      return processRestock(sim, event);
    case "transfer":
      return sendTransfer(sim, event);
    case "transferIn":
      return receiveTransfer(sim, event);
    case "adjust":
      return adjustStock(sim, event);
    case "payout":
      return payOut(sim, event);
    case "priceChange":
      return changePrice(sim, event);
  }
}

/** Plays the day's events merged with the queue, in time order, up to `until`. */
function playUntil(sim: Sim, planned: SimEvent[], until: number): void {
  let next = 0;
  for (;;) {
    const queued = sim.pending.peek();
    const own = planned[next];
    const takeQueued = queued !== undefined && queued.at < until && (own === undefined || queued.at < own.at);
    if (takeQueued) run(sim, sim.pending.pop() ?? queued);
    else if (own !== undefined) {
      run(sim, own);
      next += 1;
    } else return;
  }
}

function openRegisters(sim: Sim, dayStart: number, daysAgo: number, days: number): void {
  // The first third of the history was sold at Centro by a cashier who has since left (a disabled user).
  const handover = Math.floor((days * 2) / 3);
  if (daysAgo === handover) {
    for (const userId of sim.staff.formerCashierByBranch.values()) {
      audit(sim, new Date(atLocal(dayStart, 9)), sim.staff.adminId, "user.deactivated", "User", userId, {
        active: false,
      });
    }
  }
  for (const branch of sim.branches) {
    const former = daysAgo > handover ? sim.staff.formerCashierByBranch.get(branch.id) : undefined;
    const cashierId = former ?? sim.staff.cashierByBranch.get(branch.id) ?? sim.staff.managerId;
    sim.sessions.set(branch.id, {
      id: sim.ids.session.next(),
      branchId: branch.id,
      cashierId,
      openedAt: atLocal(dayStart, 9.75),
      openingFloat: OPENING_FLOAT,
      cashIn: 0,
      cashRefunds: 0,
      payIns: 0,
      payOuts: 0,
    });
  }
}

/** Closing count: expected = float + cash sales − cash refunds + pay-ins − pay-outs; most days it matches. */
function closeRegisters(sim: Sim, dayStart: number): void {
  for (const session of sim.sessions.values()) {
    const expected = session.openingFloat + session.cashIn - session.cashRefunds + session.payIns - session.payOuts;
    const difference = sim.rng.chance(0.85) ? 0 : sim.rng.pick([-1, 1]) * sim.rng.int(1, 20) * 100_00;
    sim.sink.push("CashSession", {
      id: session.id,
      branchId: session.branchId,
      cashierId: session.cashierId,
      openedAt: new Date(session.openedAt),
      openingFloat: fromCents(session.openingFloat),
      closedAt: new Date(atLocal(dayStart, 20.25)),
      countedCash: fromCents(expected + difference),
      expectedCash: fromCents(expected),
      difference: fromCents(difference),
      notes: difference === 0 ? null : difference < 0 ? "Faltante en el arqueo" : "Sobrante en el arqueo",
    });
  }
  sim.sessions.clear();
}

export async function simulateHistory(sim: Sim, options: HistoryOptions): Promise<void> {
  for (let daysAgo = options.days; daysAgo >= 1; daysAgo -= 1) {
    const dayStart = sim.cutoff - daysAgo * DAY_MS;
    openRegisters(sim, dayStart, daysAgo, options.days);
    playUntil(sim, planDay(sim, dayStart, options), dayStart + DAY_MS);
    closeRegisters(sim, dayStart);
    const done = options.days - daysAgo + 1;
    if (done % options.flushEveryDays === 0) await sim.sink.flush();
    options.progress?.(done);
  }
  // Today: registers not open yet in the story, but the web shop never sleeps: one open order in each state,
  // the newest a WhatsApp order still holding its stock.
  const spacing = Math.min(40 * 60_000, Math.floor((sim.now - sim.cutoff) / (TODAY.length + 1)));
  TODAY.forEach((order, index) => takeOrder(sim, sim.now - (TODAY.length - index) * spacing, order));
}
