// The audit trail: one helper every service calls to record who did what, inside the same transaction as the
// change (so a rolled-back change leaves no event), and the managers' read of it.
import type { Db, Prisma } from "@pos/db";
import type { TAuditListParsed } from "@pos/validators";

type Tx = Prisma.TransactionClient;

export interface AuditRecord {
  /** Null for changes made by the system (jobs, seed), not by a person. */
  actorId: number | null;
  /** "<entity>.<what happened>", e.g. "user.role_changed". */
  action: string;
  entity: string;
  entityId: string | number;
  /** Before/after values and reasons; never secrets (no passwords, hashes or tokens). */
  data?: Prisma.InputJsonObject;
}

export async function recordAudit(tx: Tx | Db, record: AuditRecord): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: record.actorId,
      action: record.action,
      entity: record.entity,
      entityId: String(record.entityId),
      data: record.data ?? {},
    },
  });
}

export const auditEventSelect = {
  id: true,
  action: true,
  entity: true,
  entityId: true,
  data: true,
  createdAt: true,
  actor: { select: { id: true, name: true } },
} satisfies Prisma.AuditEventSelect;

export type AuditEventRow = Prisma.AuditEventGetPayload<{ select: typeof auditEventSelect }>;

/** Newest first (by id, which follows insertion); `nextCursor` is null on the last page. */
export async function listAuditEvents(
  db: Db,
  input: TAuditListParsed,
): Promise<{ items: AuditEventRow[]; nextCursor: number | null }> {
  const { entity, entityId, action, actorId, from, to, limit, cursor } = input;
  const events = await db.auditEvent.findMany({
    where: {
      entity,
      entityId,
      action,
      actorId,
      createdAt: { gte: from, lt: to },
      ...(cursor != null && { id: { lt: cursor } }),
    },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: auditEventSelect,
  });
  const items = events.slice(0, limit);
  return { items, nextCursor: events.length > limit ? (items.at(-1)?.id ?? null) : null };
}
