// A driver adapter factory for the schema engine: @prisma/adapter-pg 7.10.1 with the four defects that break
// the engine's live-database paths fixed (shared/notes/prisma-offline.md, "adapter-pg defects"):
//  1. "char" (OID 18) columns, which the engine reads from pg_catalog, are unmapped → Character (char-columns.ts);
//  2. executeScript splits on every ";" and autocommits each piece → send the script as ONE simple query;
//  3. connectToShadowDb points at the main database (pg lets connectionString win) → build a shadow URL;
//  4. shadow databases are not always dropped → track them and drop whatever is left in `close()`.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlQueryable,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { CharAwareClient, fixColumnTypes } from "./char-columns.ts";
import { isPgServerError } from "./errors.ts";
import { createDatabase, dropDatabase } from "./databases.ts";
import { withDatabase } from "./url.ts";

function toDriverError(error: unknown): unknown {
  if (!isPgServerError(error)) return error;
  return new DriverAdapterError({
    kind: "postgres",
    code: error.code,
    severity: error.severity ?? "ERROR",
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
  });
}

class FixedQueryable implements SqlQueryable {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";
  constructor(protected readonly inner: SqlQueryable) {}
  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return fixColumnTypes(await this.inner.queryRaw(query));
  }
  executeRaw(query: SqlQuery): Promise<number> {
    return this.inner.executeRaw(query);
  }
}

class FixedTransaction extends FixedQueryable implements Transaction {
  constructor(private readonly tx: Transaction) {
    super(tx);
  }
  get options() {
    return this.tx.options;
  }
  commit(): Promise<void> {
    return this.tx.commit();
  }
  rollback(): Promise<void> {
    return this.tx.rollback();
  }
  async createSavepoint(name: string): Promise<void> {
    await this.tx.createSavepoint?.(name);
  }
  async rollbackToSavepoint(name: string): Promise<void> {
    await this.tx.rollbackToSavepoint?.(name);
  }
  async releaseSavepoint(name: string): Promise<void> {
    await this.tx.releaseSavepoint?.(name);
  }
}

class FixedAdapter extends FixedQueryable implements SqlDriverAdapter {
  constructor(
    private readonly adapter: SqlDriverAdapter,
    private readonly pool: pg.Pool,
    private readonly afterDispose: () => Promise<void>,
  ) {
    super(adapter);
  }
  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    return new FixedTransaction(await this.adapter.startTransaction(isolationLevel));
  }
  /** A query without parameters uses the simple protocol: all statements run in one implicit transaction. */
  async executeScript(script: string): Promise<void> {
    try {
      await this.pool.query(script);
    } catch (error) {
      throw toDriverError(error);
    }
  }
  getConnectionInfo() {
    return this.adapter.getConnectionInfo?.() ?? { supportsRelationJoins: true };
  }
  async dispose(): Promise<void> {
    await this.adapter.dispose();
    await this.afterDispose();
  }
}

export interface MigrationAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** Disposes every connection the engine left open and drops shadow databases it did not drop. */
  close(): Promise<void>;
}

/** The adapter factory to hand to `openSchemaEngine` for engine operations on the database at `url`. */
export function createMigrationAdapterFactory(url: string): MigrationAdapterFactory {
  const open = new Set<FixedAdapter>();
  const shadows = new Set<string>();

  async function connectTo(targetUrl: string, afterDispose: () => Promise<void>): Promise<FixedAdapter> {
    const pool = new pg.Pool({ connectionString: targetUrl, Client: CharAwareClient, max: 4 });
    const inner = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
    const adapter = new FixedAdapter(inner, pool, async () => {
      open.delete(adapter);
      await afterDispose();
    });
    open.add(adapter);
    return adapter;
  }

  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectTo(url, () => Promise.resolve()),
    async connectToShadowDb() {
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await createDatabase(url, name);
      shadows.add(name);
      return connectTo(withDatabase(url, name), async () => {
        await dropDatabase(url, name);
        shadows.delete(name);
      });
    },
    async close() {
      await Promise.allSettled([...open].map((adapter) => adapter.dispose()));
      await Promise.allSettled([...shadows].map((name) => dropDatabase(url, name)));
      shadows.clear();
    },
  };
}
