// Test helpers: embedded servers in throwaway data dirs, always stopped and deleted after the file, even
// when a test fails half-way (afterAll runs regardless).
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll } from "vitest";
import { stopDatabaseServer } from "../../server.ts";
import { repoRoot } from "../paths.ts";
import { withClient } from "../pg.ts";

export const quiet = (): void => undefined;

export function useTempDataDirs(): () => Promise<string> {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) {
      await stopDatabaseServer({ env: {}, dataDir: join(dir, "data"), log: quiet }).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    }
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), "pos-pg-test-"));
    // mkdtemp makes it 0700; when we are root the server runs as `postgres`, which must get through it.
    await chmod(dir, 0o755);
    dirs.push(dir);
    return join(dir, "data");
  };
}

export async function query<T extends Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  return withClient(url, async (client) => (await client.query<T>(sql)).rows);
}

export async function answers(url: string): Promise<boolean> {
  return query(url, "SELECT 1").then(
    () => true,
    () => false,
  );
}

export interface Holder {
  child: ChildProcess;
  report: { url: string; pid: number; action: string };
}

/** Starts hold-server.ts in a separate node process; resolves once it reports the server it got. */
export function holdServerInChild(dataDir: string, children: ChildProcess[], flags: string[] = []): Promise<Holder> {
  // node itself with tsx's loader, not the tsx CLI: the CLI runs the script in a grandchild, which a kill
  // of the child would leave running.
  const script = join(import.meta.dirname, "hold-server.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script, dataDir, ...flags], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", (line) =>
      resolve({ child, report: JSON.parse(line) as Holder["report"] }),
    );
    child.once("exit", (code) => reject(new Error(`hold-server exited with ${code}: ${stderr}`)));
  });
}
