// An adapter factory for diffs between two Prisma schemas, which need no database. The engine still connects
// at start-up and sends one probe query (does the schema exist, which server version); we answer it and
// refuse anything else, so an operation that would really need a database fails loudly instead of lying.
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";

export interface OfflineServer {
  /** What `version()` reports; the engine reads the flavour (PostgreSQL vs CockroachDB) from it. */
  version: string;
  /** `server_version_num`, e.g. 150000 for PostgreSQL 15. */
  versionNum: number;
}

const PG15: OfflineServer = { version: "PostgreSQL 15.0 (offline)", versionNum: 150000 };

function refuse(what: string): never {
  throw new Error(`The offline schema engine cannot ${what}: this operation needs a database.`);
}

function offlineAdapter(server: OfflineServer): SqlDriverAdapter {
  return {
    provider: "postgres",
    adapterName: "@pos/db/offline",
    queryRaw(query: SqlQuery): Promise<SqlResultSet> {
      if (!query.sql.includes("server_version_num")) refuse(`run ${query.sql}`);
      return Promise.resolve({
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, server.version, server.versionNum]],
      });
    },
    executeRaw: (query) => refuse(`run ${query.sql}`),
    executeScript: () => refuse("run scripts"),
    startTransaction: () => refuse("open transactions"),
    dispose: () => Promise.resolve(),
  };
}

export function createOfflineAdapterFactory(server: OfflineServer = PG15): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: "postgres",
    adapterName: "@pos/db/offline",
    connect: () => Promise.resolve(offlineAdapter(server)),
    connectToShadowDb: () => refuse("create a shadow database"),
  };
}
