// The only reader of process.env for database settings. Everything else asks this module.
import { z } from "zod";

const schema = z.object({
  /** A PostgreSQL URL. When unset, development and tests start an embedded PostgreSQL (see server.ts). */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Connection pool size per process for the app's Prisma client. */
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  /**
   * Where the embedded PostgreSQL keeps its data; defaults to .data/postgres in the repository. A relative
   * path is taken from the repository root. Running as root, the `postgres` OS user must be able to reach it.
   */
  POS_PG_DATA_DIR: z.string().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type DbEnv = z.infer<typeof schema>;

export function readDbEnv(source: Record<string, string | undefined> = process.env): DbEnv {
  const parsed = schema.safeParse({
    ...source,
    // An empty variable in a .env file means "not set".
    DATABASE_URL: source.DATABASE_URL === "" ? undefined : source.DATABASE_URL,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid database environment: ${problems}`);
  }
  return parsed.data;
}
