import pg from "pg";

/**
 * A pg pool that counts every statement its connections send (BEGIN and COMMIT included), so a benchmark can
 * report how many round trips one operation costs, ours and the floor's alike.
 */
export function countingPool(url: string, max: number): { pool: pg.Pool; statements(): number } {
  let statements = 0;
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    // pg's query has many overloads; counting does not care which one is used.
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      statements++;
      return query(...args);
    };
  });
  return { pool, statements: () => statements };
}
