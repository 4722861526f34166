import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveUploadsDir, serveUpload } from "./uploads.ts";

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "pos-uploads-"));
  root = join(base, "uploads");
  await mkdir(join(root, "demo"), { recursive: true });
  await writeFile(join(root, "demo", "runner.svg"), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(root, "photo.PNG"), "png-bytes");
  await writeFile(join(root, "notes.txt"), "not an image");
  await writeFile(join(root, ".hidden.png"), "hidden");
  await writeFile(join(base, "secret.png"), "outside the root");
  await symlink(join(base, "secret.png"), join(root, "escape.png"));
});

afterAll(() => rm(base, { recursive: true, force: true }));

const get = (segments: string[], init: { method?: string; headers?: Headers } = {}) =>
  serveUpload({ root, segments, ...init });

describe("serveUpload", () => {
  it("serves an image with its content type and cache headers", async () => {
    const response = await get(["demo", "runner.svg"]);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml");
    expect(response.headers.get("cache-control")).toContain("max-age=");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(await response.text()).toContain("<svg");
    expect((await get(["photo.PNG"])).headers.get("content-type")).toBe("image/png");
  });

  it.each([
    ["parent segments", ["..", "secret.png"]],
    ["a separator inside a segment", ["demo/../../secret.png"]],
    ["an encoded-then-decoded backslash", ["..\\secret.png"]],
    ["a symlink leading out of the root", ["escape.png"]],
    ["a hidden file", [".hidden.png"]],
    ["a type that is not an image", ["notes.txt"]],
    ["a missing file", ["demo", "nope.svg"]],
    ["a directory", ["demo"]],
    ["no path", []],
  ])("answers 404 for %s", async (_case, segments) => {
    expect((await get(segments)).status).toBe(404);
  });

  it("answers 304 when the ETag matches, and HEAD without a body", async () => {
    const first = await get(["demo", "runner.svg"]);
    const etag = first.headers.get("etag") ?? "";
    expect((await get(["demo", "runner.svg"], { headers: new Headers({ "If-None-Match": etag }) })).status).toBe(304);
    const head = await get(["demo", "runner.svg"], { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("refuses writes", async () => {
    expect((await get(["demo", "runner.svg"], { method: "POST" })).status).toBe(405);
  });
});

describe("resolveUploadsDir", () => {
  it("defaults to .data/uploads at the workspace root and resolves relative settings from there", () => {
    const fromApp = resolveUploadsDir(undefined, join(import.meta.dirname, "..", "..", "..", "apps", "pos"));
    expect(fromApp).toBe(join(import.meta.dirname, "..", "..", "..", ".data", "uploads"));
    expect(resolveUploadsDir("/srv/images", "/anywhere")).toBe("/srv/images");
  });
});
