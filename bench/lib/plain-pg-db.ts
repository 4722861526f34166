// A stand-in for the Prisma client that knows only what the report services use ($queryRaw, $executeRaw — the
// rollup builder's writes — and $transaction) and sends their SQL, unchanged, over plain pg: the floor a benchmark
// prints next to the API's figures.
import type pg from "pg";
import { Prisma, type Db } from "@pos/db";

type QueryRaw = (strings: TemplateStringsArray, ...values: unknown[]) => Promise<unknown[]>;

function rawOn(client: pg.Pool | pg.PoolClient, onQuery?: (sql: Prisma.Sql) => void): QueryRaw {
  return async (strings, ...values) => {
    const sql = Prisma.sql(strings, ...values);
    onQuery?.(sql);
    return (await client.query(sql.text, sql.values)).rows as unknown[];
  };
}

type ExecuteRaw = (strings: TemplateStringsArray, ...values: unknown[]) => Promise<number>;

function executeOn(client: pg.Pool | pg.PoolClient, onQuery?: (sql: Prisma.Sql) => void): ExecuteRaw {
  return async (strings, ...values) => {
    const sql = Prisma.sql(strings, ...values);
    onQuery?.(sql);
    return (await client.query(sql.text, sql.values)).rowCount ?? 0;
  };
}

/** `$transaction` takes one client from the pool for BEGIN … COMMIT, as Prisma's interactive transactions do. */
export function plainPgDb(pool: pg.Pool, onQuery?: (sql: Prisma.Sql) => void): Db {
  const stand = {
    $queryRaw: rawOn(pool, onQuery),
    $executeRaw: executeOn(pool, onQuery),
    async $transaction<T>(
      run: (tx: { $queryRaw: QueryRaw; $executeRaw: ExecuteRaw }) => Promise<T>,
      options?: { isolationLevel?: string },
    ): Promise<T> {
      const client = await pool.connect();
      try {
        const level = options?.isolationLevel === "RepeatableRead" ? " ISOLATION LEVEL REPEATABLE READ" : "";
        await client.query(`BEGIN${level}`);
        const result = await run({ $queryRaw: rawOn(client, onQuery), $executeRaw: executeOn(client, onQuery) });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
  // Only the members above are ever called by the report services.
  return stand as unknown as Db;
}
