// Loads Prisma's schema engine compiled to WebAssembly. The native engine cannot be downloaded here, but the
// `prisma` package ships the engine as Wasm (same commit as its native binary) and
// @prisma/schema-engine-wasm ships the matching wasm-bindgen JS glue. See docs: shared/notes/prisma-offline.md.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { MigrationError } from "./errors.ts";

export type { SchemaEngine } from "@prisma/schema-engine-wasm";

/** The glue module's surface that we use (wasm-bindgen's generated `schema_engine_bg.js`). */
interface EngineGlue {
  __wbg_set_wasm(exports: WasmExports): void;
  SchemaEngine: typeof SchemaEngine;
}

// The few WebAssembly APIs used here: the project's `lib` (ES2023, no DOM) does not declare the namespace.
type WasmExports = Record<string, unknown>;
interface WasmModule {
  readonly kind?: "WebAssembly.Module";
}
interface WasmApi {
  compile(bytes: Uint8Array): Promise<WasmModule>;
  Instance: new (module: WasmModule, imports: Record<string, object>) => { exports: WasmExports };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

export interface SchemaFile {
  path: string;
  content: string;
}

const require = createRequire(import.meta.url);

/** Prefer the .wasm shipped by `prisma` (the CLI we pin); fall back to the glue package's own copy. */
function wasmPath(): string {
  try {
    return join(dirname(require.resolve("prisma/package.json")), "build", "schema_engine_bg.wasm");
  } catch {
    return join(dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  }
}

let compiled: Promise<WasmModule> | undefined;
let instances = 0;
let lastPanic: string | undefined;

/** Compiling 5 MB of Wasm takes ~40 ms: do it once per process; instances are cheap by comparison. */
function compileEngine(): Promise<WasmModule> {
  compiled ??= (async () => {
    const path = wasmPath();
    try {
      return await wasm.compile(await readFile(path));
    } catch (error) {
      compiled = undefined;
      throw new MigrationError("ENGINE", `Could not load Prisma's schema engine from ${path}: ${String(error)}`);
    }
  })();
  return compiled;
}

/**
 * The glue keeps the instance's exports in a module-level variable, so two engines sharing one glue module
 * would write into each other's memory. A query string makes Node evaluate a fresh copy per engine.
 */
async function freshGlue(): Promise<EngineGlue> {
  const path = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  instances += 1;
  const glue = (await import(`${pathToFileURL(path).href}?instance=${instances}`)) as EngineGlue;
  if (typeof glue.__wbg_set_wasm !== "function")
    throw new MigrationError("ENGINE", `Unexpected engine glue at ${path}`);
  return glue;
}

/**
 * Without this registry a Rust panic inside the engine surfaces as "Cannot read properties of undefined"
 * from the glue; with it we keep the panic text and attach it to the error the caller sees.
 */
function installPanicRegistry(): void {
  const registry = { set_message: (message: string) => (lastPanic = message) };
  Object.assign(globalThis, { PRISMA_WASM_PANIC_REGISTRY: registry });
}

export interface OpenEngineOptions {
  /** The Prisma schema(s) the engine starts with; the datasource provider is read from them. */
  schemaFiles: SchemaFile[];
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
}

/** A fresh engine instance. Call `engine.free()` when done (see `withSchemaEngine`). */
export async function openSchemaEngine(options: OpenEngineOptions): Promise<SchemaEngine> {
  installPanicRegistry();
  const [module, glue] = await Promise.all([compileEngine(), freshGlue()]);
  const instance = new wasm.Instance(module, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start === "function") (start as () => void)();
  const datamodels = options.schemaFiles.map((f): [string, string] => [f.path, f.content]);
  // Engine log lines (JSON) are only useful when debugging the engine itself.
  const onLog = (_line: string): void => undefined;
  try {
    return await glue.SchemaEngine.new(
      { datamodels },
      onLog,
      bindMigrationAwareSqlAdapterFactory(options.adapterFactory),
    );
  } catch (error) {
    throw engineError(error);
  }
}

/** Opens an engine, runs `use`, and always frees the Wasm instance. */
export async function withSchemaEngine<T>(
  options: OpenEngineOptions,
  use: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const engine = await openSchemaEngine(options);
  try {
    return await use(engine).catch((error: unknown) => {
      throw engineError(error);
    });
  } finally {
    engine.free();
  }
}

/** Engine errors arrive as Error objects whose message may be JSON; make them one readable line. */
export function engineError(error: unknown): Error {
  if (error instanceof MigrationError) return error;
  const panic = lastPanic;
  lastPanic = undefined;
  const text = error instanceof Error ? error.message : String(error);
  const detail = panic ? `${text}\nEngine panic: ${panic}` : text;
  return new MigrationError("ENGINE", `Prisma schema engine: ${detail}`);
}
