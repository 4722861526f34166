// @pos/db/migrate: Prisma-compatible migrations without Prisma's native schema engine.
// deploy/status/resolve are plain SQL; dev and the drift check run Prisma's schema engine as Wasm.
export { deployMigrations, type DeployOptions, type DeployResult } from "./deploy.ts";
export { migrationStatus, type MigrationStatus } from "./status.ts";
export { resolveMigration, type ResolveOptions } from "./resolve.ts";
export {
  checkDrift,
  createMigration,
  type CreateMigrationOptions,
  type CreateMigrationResult,
  type DriftOptions,
} from "./dev.ts";
export { diffDatabaseToSchema, diffSchemas, type SchemaInput } from "./diff.ts";
export { openSchemaEngine, withSchemaEngine, type SchemaEngine, type SchemaFile } from "./engine.ts";
export { createMigrationAdapterFactory, type MigrationAdapterFactory } from "./adapter.ts";
export { createOfflineAdapterFactory } from "./offline-adapter.ts";
export { withShadowDatabase } from "./shadow.ts";
export { createDatabase, dropDatabase } from "./databases.ts";
export {
  defaultMigrationsDir,
  defaultSchemaPath,
  normalizeMigrationName,
  readMigrations,
  type MigrationFile,
} from "./migrations-dir.ts";
export { MigrationError, type MigrationErrorCode } from "./errors.ts";
export type { FailedMigration, HistoryReport } from "./history.ts";
