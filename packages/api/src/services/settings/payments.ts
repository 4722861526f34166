// The payment methods a shop takes and, for credit cards, the installment plans and what each adds. The register
// reads the active ones when it starts (register.setup) and sale pricing re-reads them for every sale, so a change
// here applies to the next sale without any cache to clear.
import { Prisma, type Db } from "@pos/db";
import {
  ZInstallmentPlanAdd,
  ZInstallmentPlanUpdate,
  ZPaymentMethodCreate,
  ZPaymentMethodUpdate,
  type TInstallmentPlanAdd,
  type TInstallmentPlanUpdate,
  type TPaymentMethodCreate,
  type TPaymentMethodUpdate,
} from "@pos/validators";
import type { SessionUser } from "../../context.ts";
import { DomainError } from "../../errors.ts";
import { recordAudit } from "../audit.ts";

type Tx = Prisma.TransactionClient;
type Actor = Pick<SessionUser, "id">;

const methodSelect = {
  id: true,
  code: true,
  name: true,
  type: true,
  active: true,
  adjustmentPercent: true,
  sortOrder: true,
  installmentPlans: {
    orderBy: { installments: "asc" },
    select: { id: true, installments: true, surchargePercent: true, active: true },
  },
} satisfies Prisma.PaymentMethodConfigSelect;

type MethodRow = Prisma.PaymentMethodConfigGetPayload<{ select: typeof methodSelect }>;

export interface PaymentMethodSettings extends Omit<MethodRow, "adjustmentPercent" | "installmentPlans"> {
  adjustmentPercent: string;
  installmentPlans: { id: number; installments: number; surchargePercent: string; active: boolean }[];
}

function toSettings(row: MethodRow): PaymentMethodSettings {
  return {
    ...row,
    adjustmentPercent: row.adjustmentPercent.toFixed(2),
    installmentPlans: row.installmentPlans.map((plan) => ({
      ...plan,
      surchargePercent: plan.surchargePercent.toFixed(2),
    })),
  };
}

const methodNotFound = (id: number) =>
  new DomainError("NOT_FOUND", `Payment method ${id} does not exist. Reload the page.`, { methodId: id });

const planNotFound = (id: number) =>
  new DomainError("NOT_FOUND", `Installment plan ${id} does not exist. Reload the page.`, { planId: id });

const readMethod = async (db: Db | Tx, id: number) => {
  const row = await db.paymentMethodConfig.findUnique({ where: { id }, select: methodSelect });
  if (!row) throw methodNotFound(id);
  return toSettings(row);
};

/** The unique index has the last word when two admins race: the loser gets the same message as a plain clash. */
async function clashAsConflict<T>(work: () => Promise<T>, clash: () => DomainError): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw clash();
    throw error;
  }
}

const planTaken = (name: string, installments: number) =>
  new DomainError("CONFLICT", `${name} already has a plan of ${installments} installments. Change that one instead.`, {
    field: "installments",
  });

export async function listPaymentMethods(db: Db): Promise<PaymentMethodSettings[]> {
  const rows = await db.paymentMethodConfig.findMany({
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: methodSelect,
  });
  return rows.map(toSettings);
}

export async function createPaymentMethod(
  db: Db,
  input: TPaymentMethodCreate,
  actor: Actor,
): Promise<PaymentMethodSettings> {
  const fields = ZPaymentMethodCreate.parse(input);
  return clashAsConflict(
    () =>
      db.$transaction(async (tx) => {
        const { id } = await tx.paymentMethodConfig.create({ data: fields, select: { id: true } });
        await recordAudit(tx, {
          actorId: actor.id,
          action: "payment_method.created",
          entity: "PaymentMethodConfig",
          entityId: id,
          data: { code: fields.code, adjustmentPercent: fields.adjustmentPercent },
        });
        return readMethod(tx, id);
      }),
    () =>
      new DomainError("CONFLICT", `The code "${fields.code}" is already used by another method. Choose another.`, {
        field: "code",
      }),
  );
}

export async function updatePaymentMethod(
  db: Db,
  input: TPaymentMethodUpdate,
  actor: Actor,
): Promise<PaymentMethodSettings> {
  const { id, ...fields } = ZPaymentMethodUpdate.parse(input);
  return db.$transaction(async (tx) => {
    const before = await readMethod(tx, id);
    await tx.paymentMethodConfig.update({ where: { id }, data: fields });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "payment_method.updated",
      entity: "PaymentMethodConfig",
      entityId: id,
      data: {
        changed: Object.keys(fields),
        ...(fields.adjustmentPercent !== undefined && {
          adjustmentPercent: { from: before.adjustmentPercent, to: fields.adjustmentPercent },
        }),
      },
    });
    return readMethod(tx, id);
  });
}

/** Installments are a credit card's: a debit or cash payment is always taken at once. */
export async function addInstallmentPlan(
  db: Db,
  input: TInstallmentPlanAdd,
  actor: Actor,
): Promise<PaymentMethodSettings> {
  const plan = ZInstallmentPlanAdd.parse(input);
  let methodName = `Method ${plan.methodId}`;
  const add = () =>
    db.$transaction(async (tx) => {
      const method = await readMethod(tx, plan.methodId);
      if (method.type !== "CREDIT") {
        throw new DomainError("CONFLICT", `${method.name} is not a credit card: only credit cards take installments.`, {
          methodId: method.id,
        });
      }
      methodName = method.name;
      if (method.installmentPlans.some((existing) => existing.installments === plan.installments)) {
        throw planTaken(method.name, plan.installments);
      }
      const created = await tx.installmentPlan.create({ data: plan, select: { id: true } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "installment_plan.added",
        entity: "PaymentMethodConfig",
        entityId: method.id,
        data: { planId: created.id, installments: plan.installments, surchargePercent: plan.surchargePercent },
      });
      return readMethod(tx, method.id);
    });
  return clashAsConflict(add, () => planTaken(methodName, plan.installments));
}

export async function updateInstallmentPlan(
  db: Db,
  input: TInstallmentPlanUpdate,
  actor: Actor,
): Promise<PaymentMethodSettings> {
  const { id, ...fields } = ZInstallmentPlanUpdate.parse(input);
  return db.$transaction(async (tx) => {
    const before = await tx.installmentPlan.findUnique({ where: { id } });
    if (!before) throw planNotFound(id);
    await tx.installmentPlan.update({ where: { id }, data: fields });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "installment_plan.changed",
      entity: "PaymentMethodConfig",
      entityId: before.methodId,
      data: {
        planId: id,
        installments: before.installments,
        from: { surchargePercent: before.surchargePercent.toFixed(2), active: before.active },
        to: fields,
      },
    });
    return readMethod(tx, before.methodId);
  });
}

/** Past payments keep their installment count and surcharge: they do not point at the plan. */
export async function removeInstallmentPlan(db: Db, id: number, actor: Actor): Promise<PaymentMethodSettings> {
  return db.$transaction(async (tx) => {
    const plan = await tx.installmentPlan.findUnique({ where: { id } });
    if (!plan) throw planNotFound(id);
    await tx.installmentPlan.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "installment_plan.removed",
      entity: "PaymentMethodConfig",
      entityId: plan.methodId,
      data: { planId: id, installments: plan.installments, surchargePercent: plan.surchargePercent.toFixed(2) },
    });
    return readMethod(tx, plan.methodId);
  });
}
