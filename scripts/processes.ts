// Small helpers for the root scripts: run a command to completion, or keep one running with prefixed output.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

export const repoRoot = new URL("..", import.meta.url).pathname.replace(/\/$/, "");

export interface RunOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Prefix each output line, for several long-running processes in one terminal. */
  label?: string;
  /** Start in a process group of its own; stop it with stopGroup(). */
  group?: boolean;
}

function prefixLines(stream: NodeJS.ReadableStream | null, label: string, out: NodeJS.WriteStream) {
  if (!stream) return;
  createInterface({ input: stream }).on("line", (line) => out.write(`${label} ${line}\n`));
}

export function start(command: string, args: string[], options: RunOptions = {}): ChildProcess {
  const child = spawn(command, args, {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...options.env },
    stdio: options.label ? ["ignore", "pipe", "pipe"] : "inherit",
    // Its own process group, so stopping it also stops what it started (pnpm → next-server).
    detached: options.group ?? false,
  });
  if (options.label) {
    prefixLines(child.stdout, options.label, process.stdout);
    prefixLines(child.stderr, options.label, process.stderr);
  }
  return child;
}

/** Runs a command and resolves with its exit code (never rejects on a non-zero exit). */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = start(command, args, options);
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function runOrExit(command: string, args: string[], options: RunOptions = {}): Promise<void> {
  const code = await run(command, args, options);
  if (code !== 0) {
    console.error(`\n✗ ${command} ${args.join(" ")} exited with ${code}`);
    process.exit(code);
  }
}

/** Signals a child started with `group: true` and everything it spawned. */
export function stopGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}
