// The cross-process lock around initialising, starting and stopping the embedded server.
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { withFileLock } from "./server/lock.ts";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));
async function lockPath(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "pos-lock-"));
  dirs.push(dir);
  return join(dir, "lock");
}
const owner = (pid: number, since = Date.now()) =>
  JSON.stringify({ pid, host: hostname(), token: "someone-else", since });

describe("withFileLock", () => {
  it("lets one holder in at a time", async () => {
    const path = await lockPath();
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 5 }, () =>
        withFileLock(path, async () => {
          most = Math.max(most, ++inside);
          await sleep(20);
          inside -= 1;
        }),
      ),
    );
    expect(most).toBe(1);
  });

  it("breaks a lock whose owner died", async () => {
    const path = await lockPath();
    const dead = spawnSync(process.execPath, ["-e", ""]).pid; // exited by the time spawnSync returns
    await writeFile(path, owner(dead));
    await expect(withFileLock(path, () => Promise.resolve("got it"), { timeoutMs: 1_000 })).resolves.toBe("got it");
  });

  it("breaks a lock held for longer than staleMs, even by a live process", async () => {
    const path = await lockPath();
    await writeFile(path, owner(process.pid, Date.now() - 10_000));
    await expect(
      withFileLock(path, () => Promise.resolve("got it"), { timeoutMs: 1_000, staleMs: 5_000 }),
    ).resolves.toBe("got it");
  });

  it("waits for a live owner, says so, and gives up with the owner's pid and what to do", async () => {
    const path = await lockPath();
    await writeFile(path, owner(process.pid));
    let told = false;
    const attempt = withFileLock(path, () => Promise.resolve("never"), { timeoutMs: 300, onWait: () => (told = true) });
    await expect(attempt).rejects.toThrow(new RegExp(`held by process ${process.pid}.*delete that file`));
    expect(told).toBe(true);
  });
});
