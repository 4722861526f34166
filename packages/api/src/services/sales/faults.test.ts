// The database drops connections while registers sell (a failover, a restart, an admin killing backends): no
// sale may be left half written, the API must keep serving once the database answers again, and nothing may
// crash the process. A register retries what failed with the same clientId, so every sale lands exactly once.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import type { TSaleCreate } from "@pos/validators";
import { createCaller } from "../../index.ts";
import { as, createBranch, createUser } from "../../../test/factories.ts";
import { createPaymentMethods, openCashSession } from "../../../test/checkout.ts";
import { createSizedProduct, ledgerProblems, seedStock } from "../../../test/stock.ts";

const t = useTestDb({ poolMax: 8 });

const SALES = 80;
const CONCURRENCY = 8;
const KILLS = 6;

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(() => {
  process.on("unhandledRejection", onUnhandled);
});
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
});

/** Terminates every backend of the test database except the killer's own. */
async function killBackends(url: string): Promise<number> {
  const killer = new pg.Client({ connectionString: url });
  await killer.connect();
  try {
    const { rows } = await killer.query<{ killed: boolean }>(
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return rows.filter((row) => row.killed).length;
  } finally {
    await killer.end();
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("sales while the database drops connections", () => {
  it("never leaves a partial sale, keeps serving, and lands every retried sale exactly once", async () => {
    const db = t.db;
    const branchId = (await createBranch(db)).id;
    const methods = await createPaymentMethods(db);
    const { variants } = await createSizedProduct(db, { sizes: ["S", "M", "L", "XL"] });
    await seedStock(db, branchId, Object.fromEntries(variants.map((variant) => [variant.id, 1000])));
    const cashier = await createUser(db, "CASHIER", { branchId });
    await openCashSession(db, branchId, cashier.id);
    const sell = createCaller(as(db, cashier)).sales.create;

    const requests: TSaleCreate[] = Array.from({ length: SALES }, (_, i) => ({
      clientId: randomUUID(),
      branchId,
      lines: [0, 1, 2].map((k) => ({ variantId: variants[(i + k) % variants.length]?.id ?? 0, quantity: 1 + (k % 2) })),
      payments: [{ methodId: methods.debit, base: `${4 * 59_990}.00` }],
    }));

    let next = 0;
    const failed: TSaleCreate[] = [];
    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next++];
        if (!request) break;
        await sell(request).catch(() => failed.push(request));
      }
    };
    const killer = (async () => {
      let killed = 0;
      for (let round = 0; round < KILLS; round++) {
        await pause(40);
        killed += await killBackends(t.url);
      }
      return killed;
    })();
    const [killed] = await Promise.all([killer, ...Array.from({ length: CONCURRENCY }, worker)]);
    expect(killed).toBeGreaterThan(0);
    // The storm must have hit sales in flight, or this test proves nothing.
    expect(failed.length).toBeGreaterThan(0);

    // No partial sale: every sale that exists has all its lines, its payment and its movements.
    const partial = await db.$queryRaw<{ id: number }[]>`
      SELECT s.id FROM "Sale" s
       WHERE s."branchId" = ${branchId}
         AND ((SELECT count(*) FROM "SaleItem" i WHERE i."saleId" = s.id) <> 3
           OR (SELECT count(*) FROM "Payment" p WHERE p."saleId" = s.id) <> 1
           OR (SELECT count(*) FROM "InventoryMovement" m WHERE m."saleId" = s.id) <> 3)`;
    expect(partial).toEqual([]);
    expect(await ledgerProblems(db)).toEqual([]);

    // The register retries what failed, with the same clientId: the API serves again and nothing doubles.
    for (const request of failed) await sell(request);
    for (const request of requests.slice(0, 5)) expect((await sell(request)).replayed).toBe(true);
    const sales = await db.sale.findMany({ where: { branchId }, select: { number: true } });
    expect(sales).toHaveLength(SALES);
    // Numbers stay gapless: a sale that died with its connection gave its number back.
    expect(sales.map((sale) => sale.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: SALES }, (_, i) => i + 1),
    );
    const stock = await db.stockLevel.aggregate({ where: { branchId }, _sum: { quantity: true } });
    expect(stock._sum.quantity).toBe(4000 - SALES * 4);
    expect(unhandled).toEqual([]);
  });
});
