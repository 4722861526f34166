// Running as root (CI containers, this dev box): PostgreSQL refuses to run as root, so initdb and the server
// run as the `postgres` OS user. That user must be able to reach the data dir and execute the binaries.
import { chmod, cp, mkdir, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { binariesIn, defaultDataDir, repoRoot, tmpFallbackDataDir, type PgBinaries } from "./paths.ts";
import { runCommand } from "./run.ts";
import type { Log, RunAs } from "./types.ts";

export function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

async function lookupUser(name: string): Promise<RunAs | undefined> {
  const [uid, gid] = await Promise.all([runCommand("id", ["-u", name]), runCommand("id", ["-g", name])]);
  if (uid.code !== 0 || gid.code !== 0) return undefined;
  return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
}

/** undefined when we are not root (the server then simply runs as us). Creates the user if missing. */
export async function postgresRunAs(log: Log): Promise<RunAs | undefined> {
  if (!isRoot()) return undefined;
  const existing = await lookupUser("postgres");
  if (existing) return existing;
  log("Creating the system user 'postgres' to run the embedded PostgreSQL (it refuses to run as root).");
  await runCommand("groupadd", ["-f", "--system", "postgres"]);
  const created = await runCommand("useradd", [
    "--system",
    "-g",
    "postgres",
    "--no-create-home",
    "--shell",
    "/usr/sbin/nologin",
    "postgres",
  ]);
  // Another process may have created it at the same moment; only the lookup decides.
  const user = await lookupUser("postgres");
  if (!user) {
    throw new Error(
      `Could not create the OS user 'postgres' (${created.stderr.trim() || `useradd exited ${created.code}`}). ` +
        "Create it yourself (useradd --system postgres), run as a normal user, or set DATABASE_URL.",
    );
  }
  return user;
}

/** Can `runAs` cd into `dir` (so every parent is traversable)? Probed for real: ACLs and groups included. */
async function canEnter(runAs: RunAs, dir: string): Promise<boolean> {
  const probe = await runCommand("/bin/sh", ["-c", 'cd -- "$1"', "probe", dir], { runAs });
  return probe.code === 0;
}

async function canExecute(runAs: RunAs, binary: string): Promise<boolean> {
  const probe = await runCommand(binary, ["--version"], { runAs }).catch(() => undefined);
  return probe?.code === 0;
}

/** The nearest directory that exists: directories we create below it get mode 0755 (see makeDataRoot). */
async function nearestExisting(path: string): Promise<string> {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    const info = await stat(dir).catch(() => undefined);
    if (info?.isDirectory() || dir === dirname(dir)) return dir;
  }
}

/**
 * The data dir to use. An explicit one (option or POS_PG_DATA_DIR) is used as given, or refused with the
 * reason; the default under the repository falls back to the temp dir when the postgres user cannot reach
 * it (typically a checkout under root's private home).
 */
export async function chooseDataRoot(
  explicit: string | undefined,
  runAs: RunAs | undefined,
  log: Log,
  defaults = { dir: defaultDataDir, fallback: tmpFallbackDataDir() },
): Promise<string> {
  if (explicit) {
    // From the repository root, not the cwd: turbo runs each package's scripts in that package's directory.
    const root = resolve(repoRoot, explicit);
    if (runAs && !(await canEnter(runAs, await nearestExisting(root)))) {
      throw new Error(
        `The embedded PostgreSQL runs as the OS user 'postgres' (it refuses root), which cannot reach ${root}. ` +
          "Make every parent directory traversable (chmod o+x) or choose another POS_PG_DATA_DIR.",
      );
    }
    return root;
  }
  if (!runAs || (await canEnter(runAs, await nearestExisting(defaults.dir)))) return defaults.dir;
  log(
    `Note: the OS user 'postgres' cannot reach ${defaults.dir} (a parent directory is private), so the ` +
      `embedded PostgreSQL keeps its data in ${defaults.fallback} instead (a reboot may clear it). ` +
      "Set POS_PG_DATA_DIR to choose another place.",
  );
  return defaults.fallback;
}

/** mkdir -p, with every directory it creates made traversable for the postgres user whatever the umask. */
export async function makeDataRoot(root: string): Promise<void> {
  const first = await mkdir(root, { recursive: true });
  if (!first) return;
  for (let dir = root; ; dir = dirname(dir)) {
    await chmod(dir, 0o755);
    if (dir === first || dir === dirname(dir)) break;
  }
}

/**
 * The npm package keeps the binaries inside the repository's node_modules; if the postgres user cannot
 * execute them there, run a copy from the temp dir (shared by all checkouts, keyed by version).
 */
export async function reachableBinaries(
  bins: PgBinaries,
  runAs: RunAs | undefined,
  log: Log,
  copyDir = tmpdir(),
): Promise<PgBinaries> {
  if (!runAs || (await canExecute(runAs, bins.postgres))) return bins;
  const target = join(copyDir, `pos-postgres-bin-${bins.version}`);
  const copy = binariesIn(target, bins.version);
  if (!(await canExecute(runAs, copy.postgres))) {
    // Copy next to the target and rename: a concurrent process never sees a half-copied directory.
    const partial = `${target}.partial-${process.pid}`;
    await cp(bins.nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    await chmod(partial, 0o755);
    // Never replace an existing copy: another process may be starting a server from it right now.
    await rename(partial, target).catch(async () => rm(partial, { recursive: true, force: true }));
  }
  if (!(await canExecute(runAs, copy.postgres))) {
    throw new Error(
      `The OS user 'postgres' can execute neither ${bins.postgres} nor its copy in ${target}. ` +
        "Move the repository somewhere other users can read, run as a normal user, or set DATABASE_URL.",
    );
  }
  log(`Note: the OS user 'postgres' cannot execute the binaries under ${bins.nativeDir}; using a copy in ${target}.`);
  return copy;
}
