// Serves locally stored images (uploads, demo seed pictures) for both apps. Framework-free: takes the
// URL segments and request headers, returns a web Response, so each app's route is a one-liner.
import { existsSync } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import { dirname, extname, resolve, sep } from "node:path";

// Only images are ever stored here; anything else is a 404 rather than a download of an unknown type.
const contentTypes: Readonly<Record<string, string>> = {
  ".avif": "image/avif",
  ".gif": "image/gif",
  ".jpeg": "image/jpeg",
  ".jpg": "image/jpeg",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".webp": "image/webp",
};

/** The workspace root (where pnpm-workspace.yaml is), found from an app's working directory. */
function workspaceRoot(from: string): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(/*turbopackIgnore: true*/ resolve(dir, "pnpm-workspace.yaml"))) return dir;
    if (dirname(dir) === dir) return resolve(from);
  }
}

/**
 * Where uploaded files live: the configured directory (relative paths count from the workspace root) or
 * `<workspace>/.data/uploads`, so both apps and the seed agree without each computing it.
 */
export function resolveUploadsDir(configured: string | undefined, cwd: string): string {
  const root = workspaceRoot(cwd);
  return configured ? resolve(root, configured) : resolve(root, ".data", "uploads");
}

export interface UploadRequest {
  /** Directory the files live in (absolute). */
  root: string;
  /** The catch-all route segments, already URL-decoded by the framework. */
  segments: readonly string[];
  method?: string;
  headers?: Headers;
}

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

function safeSegment(segment: string): boolean {
  // Hidden files, parent references and anything that could smuggle a separator are refused outright.
  return segment.length > 0 && !segment.startsWith(".") && !/[/\\\0]/.test(segment);
}

// The `turbopackIgnore` comments keep Next's file tracer from copying the whole repository into the build
// because of these runtime paths; they mean nothing elsewhere.

async function locate(root: string, segments: readonly string[]): Promise<string | null> {
  if (segments.length === 0 || !segments.every(safeSegment)) return null;
  try {
    const realRoot = await realpath(/*turbopackIgnore: true*/ root);
    // realpath also resolves symlinks, so a link pointing outside the root cannot be followed out.
    const file = await realpath(/*turbopackIgnore: true*/ resolve(realRoot, ...segments));
    return file.startsWith(realRoot + sep) ? file : null;
  } catch {
    return null;
  }
}

export async function serveUpload({ root, segments, method = "GET", headers }: UploadRequest): Promise<Response> {
  if (method !== "GET" && method !== "HEAD") {
    return new Response("Method not allowed", { status: 405, headers: { Allow: "GET, HEAD" } });
  }
  const file = await locate(root, segments);
  const contentType = file ? contentTypes[extname(file).toLowerCase()] : undefined;
  if (!file || !contentType) return notFound();
  const info = await stat(/*turbopackIgnore: true*/ file);
  if (!info.isFile()) return notFound();

  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const responseHeaders = new Headers({
    "Content-Type": contentType,
    // Images may be replaced under the same name by an admin, so cache for a day and revalidate by ETag.
    "Cache-Control": "public, max-age=86400, stale-while-revalidate=604800",
    ETag: etag,
    "Last-Modified": info.mtime.toUTCString(),
    "X-Content-Type-Options": "nosniff",
  });
  // An SVG opened directly is a document that could run script; sandbox it.
  if (contentType === "image/svg+xml") {
    responseHeaders.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
  }
  if (headers?.get("if-none-match") === etag) return new Response(null, { status: 304, headers: responseHeaders });
  responseHeaders.set("Content-Length", String(info.size));
  if (method === "HEAD") return new Response(null, { status: 200, headers: responseHeaders });
  return new Response(new Uint8Array(await readFile(/*turbopackIgnore: true*/ file)), {
    status: 200,
    headers: responseHeaders,
  });
}
