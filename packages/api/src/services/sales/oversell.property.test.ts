// Domain rule 1 as a model test: many buyers at once — registers of the branch, storefront checkouts and
// WhatsApp holds, all from the same branch's stock — compete for the last few units of some variants. Whatever the interleaving: nothing is sold twice, stock never goes
// below zero, stock + units sold = opening stock, and a buyer is only turned away when what is left cannot
// cover them.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { createCaller } from "../../index.ts";
import { createStoreCaller, createStoreContext } from "../../store.ts";
import { as, codeOf, createBranch, createUser } from "../../../test/factories.ts";
import { createPaymentMethods, openCashSession, type Methods } from "../../../test/checkout.ts";
import { configureOrders } from "../../../test/orders.ts";
import { createSizedProduct, ledgerProblems, seedStock } from "../../../test/stock.ts";

const t = useTestDb({ poolMax: 12 });

const BUYERS = 32;
const PRICE_CENTS = 5_999_000;

/** One way of buying: a register sale, a storefront order, a WhatsApp hold. */
interface Channel {
  name: string;
  buy(variantId: number, quantity: number): Promise<unknown>;
}

let branchId: number;
let methods: Methods;
let channels: Channel[];

beforeAll(async () => {
  const db = t.db;
  branchId = (await createBranch(db)).id;
  await db.branch.update({ where: { id: branchId }, data: { sellsOnline: true } });
  await configureOrders(db, branchId);
  methods = await createPaymentMethods(db);
  const registers = [];
  for (let i = 0; i < 3; i++) {
    const cashier = await createUser(db, "CASHIER", { branchId });
    await openCashSession(db, branchId, cashier.id);
    registers.push(createCaller(as(db, cashier)).sales.create);
  }
  const shop = createStoreCaller(createStoreContext({ db }));
  const contact = { name: "Ana Compradora", email: "ana@example.com", phone: "+54 9 11 5555-1234" };
  const online: Channel = {
    name: "storefront",
    buy: (variantId, quantity) =>
      shop.orders.checkout({
        clientId: randomUUID(),
        lines: [{ variantId, quantity }],
        contact,
        fulfillment: "PICKUP",
        paymentMethodId: methods.debit,
      }),
  };
  const whatsapp: Channel = {
    name: "whatsapp",
    buy: (variantId, quantity) =>
      shop.orders.whatsapp({ clientId: randomUUID(), lines: [{ variantId, quantity }], contact }),
  };
  channels = [
    online,
    whatsapp,
    ...registers.map((sell, i): Channel => ({
      name: `register ${i + 1}`,
      buy: (variantId, quantity) =>
        sell({
          clientId: randomUUID(),
          branchId,
          lines: [{ variantId, quantity }],
          payments: [{ methodId: methods.debit, base: `${(PRICE_CENTS * quantity) / 100}.00` }],
        }),
    })),
  ];
});

const scenario = fc.record({
  /** Units left of each contested variant. */
  opening: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 3 }),
  buyers: fc.array(fc.record({ variant: fc.nat(), quantity: fc.integer({ min: 1, max: 2 }), channel: fc.nat() }), {
    minLength: BUYERS,
    maxLength: BUYERS,
  }),
});

describe("no oversell under concurrency", () => {
  it("sells each contested unit at most once, across channels, whatever the interleaving", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ opening, buyers }) => {
        const db = t.db;
        const { variants } = await createSizedProduct(db, { sizes: opening.map((_, i) => `T${i}`) });
        await seedStock(
          db,
          branchId,
          Object.fromEntries(variants.flatMap((v, i) => (opening[i] ? [[v.id, opening[i]]] : []))),
        );
        const attempts = buyers.map((buyer) => {
          const index = buyer.variant % variants.length;
          const channel = channels[buyer.channel % channels.length];
          const variantId = variants[index]?.id ?? 0;
          if (!channel) throw new Error("no channels");
          return {
            index,
            variantId,
            quantity: buyer.quantity,
            outcome: codeOf(channel.buy(variantId, buyer.quantity)),
          };
        });
        const outcomes = await Promise.all(attempts.map((attempt) => attempt.outcome));
        expect(outcomes.filter((code) => code !== "OK" && code !== "CONFLICT")).toEqual([]);

        for (const [index, variant] of variants.entries()) {
          const mine = attempts
            .map((attempt, i) => ({ ...attempt, code: outcomes[i] }))
            .filter((a) => a.index === index);
          const sold = mine.filter((a) => a.code === "OK").reduce((sum, a) => sum + a.quantity, 0);
          const level = await db.stockLevel.findUnique({
            where: { branchId_variantId: { branchId, variantId: variant.id } },
          });
          const left = level?.quantity ?? 0;
          const start = opening[index] ?? 0;
          expect(left).toBeGreaterThanOrEqual(0);
          expect(left + sold).toBe(start);
          // A refusal is only right when what is left now cannot cover that buyer (stock only went down).
          for (const refused of mine.filter((a) => a.code === "CONFLICT"))
            expect(refused.quantity).toBeGreaterThan(left);
          const recorded = await db.saleItem.aggregate({ where: { variantId: variant.id }, _sum: { quantity: true } });
          expect(recorded._sum.quantity ?? 0).toBe(sold);
        }
      }),
      { numRuns: 25 },
    );
    expect(await ledgerProblems(t.db)).toEqual([]);
    // Every channel is a real buyer here (a refusal above is only ever for stock): each sells when there is some.
    const { variants } = await createSizedProduct(t.db, { sizes: [null] });
    const variantId = variants[0]?.id ?? 0;
    await seedStock(t.db, branchId, { [variantId]: channels.length });
    for (const channel of channels) expect(await codeOf(channel.buy(variantId, 1))).toBe("OK");
  });
});
