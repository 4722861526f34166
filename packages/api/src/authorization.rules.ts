// Who may call each procedure of appRouter, as one explicit table (domain rules 6–7). The authorization test
// generates its matrix from the router and this table, and fails when they list different procedures, so a new
// procedure cannot ship without someone deciding its audience here.
import { randomUUID } from "node:crypto";
import type { AnyProcedure, AnyRouter } from "@trpc/server";
import type { AppRouter } from "./root.ts";

/** The audience of a procedure, from widest to narrowest. */
export type Access = "public" | "staff" | "staff:own-branch" | "manager" | "admin";

/**
 * What an own-branch input may use: three branches (a cashier of A is allowed, a cashier of B is not, C is the
 * other end of transfers) and a few records, plus a maker of fresh transfers (each call gets its own, so a
 * procedure that changes a transfer's state can be called by every persona in turn).
 */
export interface BranchWorld {
  branchA: number;
  branchB: number;
  branchC: number;
  productId: number;
  customerId: number;
  /** A variant with plenty of stock at A and C, its price, and a debit method (everyone has a session at A). */
  sellable: { variantId: number; price: string; methodId: number };
  /** Makes a completed register sale of one `sellable` unit at a branch (A or C). */
  sale(branchId: number): Promise<{ saleId: number; reference: string }>;
  transfer(from: number, to: number, state: "DRAFT" | "SENT"): Promise<number>;
  /** Makes a sale like `sale` and gives its one line, to return. */
  returnable(branchId: number): Promise<{ saleId: number; saleItemId: number }>;
  /** Parks a one-unit cart of `sellable` at a branch; its id. */
  parkedSale(branchId: number): Promise<number>;
  /** Cashier A's fresh open cash session at A (their earlier open ones closed): a session every persona may close. */
  cashierSession(): Promise<number>;
  /** Closes every open cash session at A, so the next caller can open one (the test reopens the world's after). */
  freeRegisters(): Promise<void>;
}

export interface OwnBranchRule {
  access: "staff:own-branch";
  /** A valid input that targets branch A: cashier A may call it, cashier B must get FORBIDDEN. */
  inputForBranchA(world: BranchWorld): Promise<unknown>;
}

export type Rule = Exclude<Access, "staff:own-branch"> | OwnBranchRule;

/** "inventory.adjust"-style paths of every procedure in a router record type. */
type PathsOf<TRecord, TPrefix extends string = ""> = {
  [K in keyof TRecord & string]: TRecord[K] extends AnyProcedure
    ? `${TPrefix}${K}`
    : PathsOf<TRecord[K], `${TPrefix}${K}.`>;
}[keyof TRecord & string];

export type AppProcedurePath = PathsOf<AppRouter["_def"]["record"]>;

const ownBranch = (inputForBranchA: OwnBranchRule["inputForBranchA"]): OwnBranchRule => ({
  access: "staff:own-branch",
  inputForBranchA,
});

export const accessRules: Record<AppProcedurePath, Rule> = {
  "health.check": "public",
  "health.info": "public",

  "catalog.shop": "public",
  "catalog.featured": "public",
  "catalog.list": "public",
  "catalog.product": "public",
  "catalog.cart": "public",
  "catalog.sitemap": "public",

  "session.me": "staff",

  "images.list": "manager",
  "images.prepareUpload": "manager",
  "images.attach": "manager",
  "images.reorder": "manager",
  "images.updateAlt": "manager",
  "images.remove": "manager",

  "categories.tree": "staff",
  "categories.create": "manager",
  "categories.update": "manager",
  "categories.reorder": "manager",
  "categories.delete": "manager",

  "products.list": "staff",
  "products.get": "staff",
  "products.lookup": "staff",
  "products.search": "staff",
  "products.create": "manager",
  "products.update": "manager",
  "products.archive": "manager",
  "products.suggestBarcode": "manager",

  "imports.preview": "manager",
  "imports.start": "manager",
  "imports.get": "manager",
  "imports.list": "manager",

  "inventory.grid": ownBranch((w) => Promise.resolve({ productId: w.productId, branchId: w.branchA })),
  "inventory.byBranch": ownBranch((w) => Promise.resolve({ branchId: w.branchA })),
  "inventory.lowStock": ownBranch((w) => Promise.resolve({ branchId: w.branchA })),
  "inventory.ledger": "manager",
  "inventory.adjust": "manager",
  "inventory.count": "manager",

  "transfers.list": ownBranch((w) => Promise.resolve({ branchId: w.branchA })),
  "transfers.get": ownBranch(async (w) => ({ transferId: await w.transfer(w.branchA, w.branchC, "DRAFT") })),
  "transfers.create": "manager",
  "transfers.send": "manager",
  // Only the destination receives: the goods travel C → A, so A's cashier unpacks them.
  "transfers.receive": ownBranch(async (w) => ({ transferId: await w.transfer(w.branchC, w.branchA, "SENT") })),
  "transfers.cancel": "manager",

  "sales.receipt": ownBranch(async (w) => ({ saleId: (await w.sale(w.branchA)).saleId })),
  "sales.find": ownBranch(async (w) => ({ reference: (await w.sale(w.branchA)).reference })),
  "sales.list": ownBranch((w) => Promise.resolve({ branchId: w.branchA })),
  "sales.void": "manager",
  "sales.returnable": ownBranch(async (w) => ({ saleId: (await w.returnable(w.branchA)).saleId })),
  "sales.returns": ownBranch(async (w) => ({ saleId: (await w.returnable(w.branchA)).saleId })),
  // A return of a fresh debit sale at A (a cash refund would need the caller's open session).
  "sales.return": ownBranch(async (w) => {
    const { saleId, saleItemId } = await w.returnable(w.branchA);
    return { clientId: randomUUID(), saleId, lines: [{ saleItemId, quantity: 1 }], refundMethod: "DEBIT" };
  }),
  "sales.park": ownBranch(({ branchA, sellable }) =>
    Promise.resolve({
      branchId: branchA,
      label: "Probador 2",
      cart: { lines: [{ variantId: sellable.variantId, quantity: 1 }] },
    }),
  ),
  "sales.parked": ownBranch((w) => Promise.resolve({ branchId: w.branchA })),
  "sales.resume": ownBranch(async (w) => ({ branchId: w.branchA, parkedSaleId: await w.parkedSale(w.branchA) })),
  "sales.discardParked": ownBranch(async (w) => ({ branchId: w.branchA, parkedSaleId: await w.parkedSale(w.branchA) })),
  "sales.create": ownBranch(({ branchA, sellable }) =>
    Promise.resolve({
      clientId: randomUUID(),
      branchId: branchA,
      lines: [{ variantId: sellable.variantId, quantity: 1 }],
      payments: [{ methodId: sellable.methodId, base: sellable.price }],
    }),
  ),

  "cashSessions.current": ownBranch((w) => Promise.resolve({ branchId: w.branchA })),
  "cashSessions.open": ownBranch(async (w) => {
    await w.freeRegisters();
    return { branchId: w.branchA, openingFloat: "5000.00" };
  }),
  // Everyone has an open session at A, each with a float far above these amounts.
  "cashSessions.payIn": ownBranch((w) => Promise.resolve({ branchId: w.branchA, amount: "100.00", reason: "Change" })),
  "cashSessions.payOut": ownBranch((w) => Promise.resolve({ branchId: w.branchA, amount: "1.00", reason: "Courier" })),
  "cashSessions.close": ownBranch(async (w) => ({ sessionId: await w.cashierSession(), countedCash: "10000.00" })),
  "cashSessions.zReport": ownBranch(async (w) => ({ sessionId: await w.cashierSession() })),
  "cashSessions.branchDayReport": ownBranch((w) => Promise.resolve({ branchId: w.branchA, day: "2026-11-23" })),
  "cashSessions.list": ownBranch((w) => Promise.resolve({ branchId: w.branchA })),

  "users.list": "admin",
  "users.create": "admin",
  "users.update": "admin",
  "users.disable": "admin",
  "users.enable": "admin",
  "users.resetPassword": "admin",

  "branches.list": "staff",
  "branches.get": "staff",
  "branches.create": "admin",
  "branches.update": "admin",
  "branches.deactivate": "admin",
  "branches.activate": "admin",

  "customers.search": "staff",
  "customers.get": "staff",
  "customers.create": "staff",
  "customers.update": "staff",
  "customers.history": ownBranch((w) => Promise.resolve({ customerId: w.customerId, branchId: w.branchA })),

  "audit.list": "manager",

  // Shoppers have no accounts: the storefront's order procedures are public (storeRouter mounts the same ones).
  "orders.quote": "public",
  "orders.checkout": "public",
  "orders.whatsapp": "public",
  "orders.lookup": "public",
  "orders.list": "manager",
  "orders.get": "manager",
  "orders.setStatus": "manager",
  "orders.expireHolds": "manager",

  // The register's setup and catalog: staff at their own branch.
  "register.setup": ownBranch((w) => Promise.resolve({ branchId: w.branchA })),
  "register.catalog": ownBranch((w) => Promise.resolve({ branchId: w.branchA, limit: 5 })),
  "register.elsewhere": ownBranch((w) => Promise.resolve({ branchId: w.branchA, productId: w.productId })),

  // Margins come from cost prices and the figures span branches: managers and admins only.
  "reports.dashboard": "manager",
  "reports.daily": "manager",
  "reports.breakdown": "manager",
  "reports.topProducts": "manager",
  "reports.topCategories": "manager",
  "reports.lowStock": "manager",
  "reports.shortfalls": "manager",
  "reports.resolveShortfall": "manager",

  // Live feeds. stock.onChange is on the storefront too: who calls decides what it shows (see routers/stock.ts).
  "stock.onChange": "public",
  "sales.onNew": "manager",
  "orders.onNew": "manager",
  "alerts.onLowStock": "manager",

  // Store settings: managers read them (they run the shop by them); only admins change them (domain rule 7).
  "settings.store.get": "manager",
  "settings.store.update": "admin",
  "settings.images.prepareUpload": "admin",
  "settings.images.attach": "admin",
  "settings.payments.list": "manager",
  "settings.payments.create": "admin",
  "settings.payments.update": "admin",
  "settings.payments.addPlan": "admin",
  "settings.payments.updatePlan": "admin",
  "settings.payments.removePlan": "admin",
  "settings.whatsapp.get": "manager",
  "settings.whatsapp.update": "admin",
  "settings.whatsapp.preview": "admin",
  "settings.social.list": "manager",
  "settings.social.create": "admin",
  "settings.social.update": "admin",
  "settings.social.delete": "admin",
  "settings.social.reorder": "admin",
  "settings.banners.list": "manager",
  "settings.banners.create": "admin",
  "settings.banners.update": "admin",
  "settings.banners.delete": "admin",
  "settings.banners.reorder": "admin",
};

export function accessOf(rule: Rule): Access {
  return typeof rule === "string" ? rule : rule.access;
}

/**
 * Every procedure of a router by its dotted path, read from the router definition (`_def.procedures` is
 * tRPC's flat path → procedure map). Lazy sub-routers would be missing from it, so they are refused here.
 */
export function proceduresOf(router: AnyRouter): [path: string, procedure: AnyProcedure][] {
  const lazy = Object.keys(router._def.lazy);
  if (lazy.length > 0) throw new Error(`Lazy routers cannot be enumerated: ${lazy.join(", ")}`);
  const procedures = router._def.procedures as Record<string, AnyProcedure>;
  return Object.entries(procedures).sort(([a], [b]) => a.localeCompare(b));
}
