// Catalog imports: the preview (read, check, plan: writes nothing), the job that applies a plan in the background,
// and the managers' reads of it. A job runs in small batches, each in its own transaction, yielding to the event
// loop between them so registers keep selling while a 5,000-row price list loads. Products are written by the
// same createProductIn/updateProductIn as the product form, so slugs, codes and size rules are the form's rules.
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Db, ImportStatus, Prisma } from "@pos/db";
import { ZProductCreate, ZProductUpdate, type ImportRowError, type TImportFile } from "@pos/validators";
import { z } from "zod";
import { DomainError, isDomainError } from "../../errors.ts";
import type { EventBus } from "../../events/index.ts";
import type { Logger } from "../../logger.ts";
import { recordAudit } from "../audit.ts";
import { createProductIn, updateProductIn, type Actor } from "../products.ts";
import {
  announceStockChanges,
  applyStockChanges,
  inStockTransaction,
  type AppliedChange,
  type LedgerChange,
  type Tx,
} from "../stock-ledger.ts";
import { readSheet } from "./parse.ts";
import { planImport, type ImportPlan, type PlannedGroup } from "./plan.ts";

export interface ImportDeps {
  db: Db;
  bus: EventBus;
  log: Logger;
}

/** Rows per transaction: small enough that a batch holds its locks for milliseconds. */
export const IMPORT_BATCH_ROWS = 50;
/**
 * A job is at most 5,000 rows and runs in minutes at worst; one still "running" after this long, and not in this
 * process, was cut off by a restart and is marked failed when read.
 */
export const IMPORT_STALE_MINUTES = 15;
/** The preview lists every row with a problem, and the first rows besides, up to this many. */
const PREVIEW_ROWS = 200;

async function readPlan(db: Db, file: TImportFile) {
  const bytes = Buffer.from(file.content, "base64");
  const sheet = await readSheet(file.fileName, bytes);
  return planImport(db, sheet);
}

const countRows = (plan: ImportPlan) => plan.groups.reduce((sum, group) => sum + group.rows.length, 0);

export async function previewImport(db: Db, file: TImportFile) {
  const plan = await readPlan(db, file);
  const rows = plan.groups
    .flatMap((group) =>
      group.rows.map((row) => ({
        row: row.line,
        product: row.raw.product ?? "",
        name: row.raw.name ?? "",
        size: row.raw.size ?? "",
        sku: row.raw.sku ?? "",
        price: row.raw.price ?? "",
        action: row.data ? (group.productId === null ? ("create" as const) : ("update" as const)) : null,
        errors: row.errors.map(({ field, code, message }) => ({ field, code, message })),
      })),
    )
    .sort((a, b) => a.row - b.row);
  const problems = rows.filter((row) => row.errors.length > 0);
  const shown = [...problems, ...rows.filter((row) => row.errors.length === 0)]
    .slice(0, PREVIEW_ROWS)
    .sort((a, b) => a.row - b.row);
  const writable = plan.groups.filter((group) => group.create ?? group.update);
  return {
    fileName: file.fileName,
    totalRows: rows.length,
    validRows: rows.length - problems.length,
    failedRows: problems.length,
    newProducts: writable.filter((group) => group.productId === null).length,
    updatedProducts: writable.filter((group) => group.productId !== null).length,
    ignoredColumns: plan.ignoredColumns,
    rows: shown,
  };
}
export type ImportPreview = Awaited<ReturnType<typeof previewImport>>;

/** Jobs this process is running, so a read can tell a live job from one a restart cut off. */
const running = new Map<number, Promise<void>>();

/** Resolves when the job has finished in this process (at once if it is not running here). */
export function importSettled(jobId: number): Promise<void> {
  return running.get(jobId) ?? Promise.resolve();
}

export async function startImport(deps: ImportDeps, file: TImportFile, actor: Actor) {
  const plan = await readPlan(deps.db, file);
  const totalRows = countRows(plan);
  if (!plan.groups.some((group) => group.create ?? group.update)) {
    throw new DomainError("BAD_REQUEST", "No row of this file can be imported; fix the errors the preview shows.", {
      problem: "nothingToImport",
      failedRows: totalRows,
    });
  }
  const job = await deps.db.importJob.create({
    data: { fileName: file.fileName, userId: actor.id, status: "RUNNING", totalRows },
    select: { id: true },
  });
  const work = runJob(deps, job.id, plan, actor).catch(async (error: unknown) => {
    deps.log.error("import job failed", { jobId: job.id, error: String(error) });
    await finish(deps.db, job.id, "FAILED", [
      {
        row: 0,
        field: "",
        code: "rejected",
        message: "The import stopped on an unexpected error; import the file again.",
      },
    ]);
  });
  running.set(job.id, work);
  void work.finally(() => running.delete(job.id));
  return getImportJob(deps.db, job.id);
}

/** Groups taken in file order until a batch holds at least IMPORT_BATCH_ROWS rows. */
function batches(groups: readonly PlannedGroup[]): PlannedGroup[][] {
  const out: PlannedGroup[][] = [];
  let current: PlannedGroup[] = [];
  let size = 0;
  for (const group of groups) {
    current.push(group);
    size += group.rows.length;
    if (size >= IMPORT_BATCH_ROWS) {
      out.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

async function runJob(deps: ImportDeps, jobId: number, plan: ImportPlan, actor: Actor): Promise<void> {
  for (const batch of batches(plan.groups)) {
    await inStockTransaction(deps.db, async (tx) => {
      const applied: AppliedChange[] = [];
      let ok = 0;
      const errors: ImportRowError[] = batch.flatMap((group) => group.rows.flatMap((row) => row.errors));
      for (const group of batch) {
        const result = await writeGroup(tx, group, plan.branches, actor);
        ok += result.ok;
        errors.push(...result.errors);
        applied.push(...result.applied);
      }
      await announceStockChanges(tx, deps.bus, applied);
      await tx.$executeRaw`
        UPDATE "ImportJob"
           SET "okRows" = "okRows" + ${ok}, "failedRows" = "failedRows" + ${new Set(errors.map((e) => e.row)).size},
               "errors" = "errors" || ${JSON.stringify(errors)}::jsonb
         WHERE id = ${jobId}`;
    });
    // Lets requests waiting on this process (registers, the progress bar) in before the next batch.
    await nextTurn();
  }
  const job = await deps.db.importJob.findUniqueOrThrow({
    where: { id: jobId },
    select: { okRows: true, failedRows: true, fileName: true },
  });
  await finish(deps.db, jobId, "COMPLETED", []);
  await recordAudit(deps.db, {
    actorId: actor.id,
    action: "catalog.imported",
    entity: "ImportJob",
    entityId: jobId,
    data: { fileName: job.fileName, okRows: job.okRows, failedRows: job.failedRows },
  });
}

async function finish(db: Db, jobId: number, status: ImportStatus, errors: ImportRowError[]) {
  await db.$executeRaw`
    UPDATE "ImportJob" SET "status" = ${status}::"ImportStatus", "finishedAt" = now(),
           "errors" = "errors" || ${JSON.stringify(errors)}::jsonb
     WHERE id = ${jobId}`;
}

/** One product's rows, all or nothing: a savepoint undoes a refused product without losing the batch. */
async function writeGroup(tx: Tx, group: PlannedGroup, branches: ReadonlyMap<string, number>, actor: Actor) {
  const rows = group.rows.filter((row) => row.data);
  if (rows.length === 0 || !(group.create ?? group.update)) return { ok: 0, errors: [], applied: [] };
  await tx.$executeRaw`SAVEPOINT import_product`;
  try {
    const product = group.create
      ? await createProductIn(tx, ZProductCreate.parse(group.create), actor)
      : await updateProductIn(tx, ZProductUpdate.parse(group.update), actor);
    const changes: LedgerChange[] = rows.flatMap((row) => {
      if (row.variantId !== null || !row.data) return [];
      const { sku, size } = row.data;
      const variant = product.variants.find((v) => (sku ? v.sku === sku : v.sizeLabel === (size ?? null)));
      if (!variant) return [];
      return Object.entries(row.data.stock).flatMap(([code, quantity]) => {
        const branchId = branches.get(code);
        return quantity > 0 && branchId !== undefined
          ? [
              {
                branchId,
                variantId: variant.id,
                quantity,
                type: "INITIAL" as const,
                reason: "Import",
                userId: actor.id,
              },
            ]
          : [];
      });
    });
    const applied = await applyStockChanges(tx, changes);
    await tx.$executeRaw`RELEASE SAVEPOINT import_product`;
    return { ok: rows.length, errors: [], applied };
  } catch (error) {
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT import_product`;
    const { field, message } = refusal(error);
    const code = isDomainError(error) && error.code === "CONFLICT" ? ("inUse" as const) : ("rejected" as const);
    return { ok: 0, errors: rows.map((row) => ({ row: row.line, field, code, message })), applied: [] };
  }
}

function refusal(error: unknown): { field: string; message: string } {
  if (isDomainError(error)) {
    const field = typeof error.details.field === "string" ? error.details.field : "";
    return { field, message: error.message };
  }
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    return { field: String(issue?.path[0] ?? ""), message: issue?.message ?? "Invalid row." };
  }
  // A unique index tripped by a concurrent edit, or similar: the row fails, the import goes on.
  if (error instanceof Error && "code" in error && error.code === "P2002") {
    return { field: "", message: "Another change just took the same SKU, barcode or name. Import the file again." };
  }
  throw error;
}

// ─── reads ─────────────────────────────────────────────────────────────────────────────────────────────

const jobSelect = {
  id: true,
  fileName: true,
  status: true,
  totalRows: true,
  okRows: true,
  failedRows: true,
  createdAt: true,
  finishedAt: true,
  user: { select: { id: true, name: true } },
} satisfies Prisma.ImportJobSelect;

/**
 * Jobs a restart cut off stay RUNNING in the database forever unless someone notices: a read does, and marks
 * them FAILED with a row-0 error saying so. The rows already written stay (each batch was committed whole).
 */
export async function failInterruptedJobs(db: Db): Promise<number> {
  const live = [...running.keys()];
  const note = JSON.stringify([
    {
      row: 0,
      field: "",
      code: "interrupted",
      message:
        "The server restarted while this import ran; rows not counted as imported were not. Import the file again.",
    },
  ]);
  return db.$executeRaw`
    UPDATE "ImportJob" SET "status" = 'FAILED', "finishedAt" = now(), "errors" = "errors" || ${note}::jsonb
     WHERE "status" IN ('PENDING', 'VALIDATING', 'RUNNING')
       AND "createdAt" < now() - make_interval(mins => ${IMPORT_STALE_MINUTES})
       AND NOT (id = ANY(${live}::int[]))`;
}

const ERRORS_SHOWN = 200;

export async function getImportJob(db: Db, id: number) {
  await failInterruptedJobs(db);
  const job = await db.importJob.findUnique({ where: { id }, select: { ...jobSelect, errors: true } });
  if (!job) throw new DomainError("NOT_FOUND", `Import ${id} does not exist.`, { jobId: id });
  const errors = importErrorsOf(job.errors);
  return { ...job, errors: errors.slice(0, ERRORS_SHOWN), errorCount: errors.length };
}

export async function listImportJobs(db: Db, input: { limit: number }) {
  await failInterruptedJobs(db);
  return db.importJob.findMany({ select: jobSelect, orderBy: { id: "desc" }, take: input.limit });
}

/** The stored errors, whatever an older row holds: anything not shaped like one is left out. */
export function importErrorsOf(value: Prisma.JsonValue): ImportRowError[] {
  const parsed = z
    .array(
      z.object({
        row: z.number(),
        field: z.string(),
        code: z.string().default("rejected"),
        message: z.string(),
      }),
    )
    .safeParse(value);
  return parsed.success ? (parsed.data as ImportRowError[]) : [];
}
