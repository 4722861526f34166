// Runs the PostgreSQL command-line tools (initdb, pg_ctl) and small probes, optionally as another OS user.
import { spawn } from "node:child_process";
import type { RunAs } from "./types.ts";

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  runAs?: RunAs;
  env?: NodeJS.ProcessEnv;
}

/** Resolves with the exit code and output; rejects only when the program cannot be started at all. */
export function runCommand(file: string, args: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      // The tools resolve relative paths against the cwd, and as the postgres user our cwd (often a
      // private home directory) may not even be readable: "/" always is, and every path we pass is absolute.
      cwd: "/",
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      ...(options.runAs ? { uid: options.runAs.uid, gid: options.runAs.gid } : {}),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", (error) => reject(new Error(`Could not run ${file}: ${error.message}`)));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Environment for the PostgreSQL tools: English messages, since we read the server log to explain failures. */
export function toolEnv(): NodeJS.ProcessEnv {
  return { ...process.env, LC_MESSAGES: "C", LC_ALL: undefined };
}
