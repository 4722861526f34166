// Fixtures for selling: the payment methods a shop accepts (as the demo seed configures them), a store
// configuration, an open cash session, and a valid sale request for some variants.
import { randomUUID } from "node:crypto";
import type { Db } from "@pos/db";
import type { TSaleCreate } from "@pos/validators";

export interface Methods {
  cash: number;
  debit: number;
  credit: number;
}

/** Cash −10 %, debit at list price, credit with 1/3/6 installments at 0/10/20 %. */
export async function createPaymentMethods(db: Db): Promise<Methods> {
  const suffix = randomUUID().slice(0, 8);
  const cash = await db.paymentMethodConfig.create({
    data: { code: `cash-${suffix}`, name: "Efectivo", type: "CASH", adjustmentPercent: "-10" },
  });
  const debit = await db.paymentMethodConfig.create({
    data: { code: `debit-${suffix}`, name: "Débito", type: "DEBIT" },
  });
  const credit = await db.paymentMethodConfig.create({
    data: {
      code: `credit-${suffix}`,
      name: "Crédito",
      type: "CREDIT",
      installmentPlans: {
        create: [
          { installments: 1, surchargePercent: "0" },
          { installments: 3, surchargePercent: "10" },
          { installments: 6, surchargePercent: "20" },
        ],
      },
    },
  });
  return { cash: cash.id, debit: debit.id, credit: credit.id };
}

export async function configureStore(
  db: Db,
  settings: { pricesIncludeTax?: boolean; cashierMaxDiscountPercent?: string; fulfillmentBranchId?: number } = {},
) {
  const data = { storeName: "Deportes Test", ...settings };
  return db.storeConfig.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
}

export function openCashSession(db: Db, branchId: number, cashierId: number, openingFloat = "10000.00") {
  return db.cashSession.create({ data: { branchId, cashierId, openingFloat } });
}

/** A debit sale of one unit of each variant at catalog prices, for `due` (the caller computes it). */
export function saleRequest(
  branchId: number,
  variantIds: readonly number[],
  payment: { methodId: number; base: string },
  extra: Partial<TSaleCreate> = {},
): TSaleCreate {
  return {
    clientId: randomUUID(),
    branchId,
    lines: variantIds.map((variantId) => ({ variantId, quantity: 1 })),
    payments: [{ methodId: payment.methodId, base: payment.base }],
    ...extra,
  };
}
