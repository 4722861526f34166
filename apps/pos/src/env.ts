// The only reader of process.env in apps/pos (the database URL is read by @pos/db/env). Validated once, on
// import; the secret is checked lazily so `next build` works without it, and at server start (see
// instrumentation.ts) so `next start` refuses to run in production without it.
import { z } from "zod";
import { resolveUploadsDir } from "@pos/api";
import { readDbEnv } from "@pos/db/env";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Signs session cookies. Required in production; `openssl rand -base64 32` makes one. */
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters").optional(),
  /** Trust the Host header; needed under `next start` and behind proxies. */
  AUTH_TRUST_HOST: z.stringbool().optional(),
  /** Local image storage; relative paths count from the repository root. */
  POS_UPLOADS_DIR: z.string().min(1).optional(),
});

function parse() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment for apps/pos: ${problems}`);
  }
  return parsed.data;
}

const raw = parse();
const production = raw.NODE_ENV === "production";

export const env = {
  production,
  // next-auth's own default: trust the host in development, require an explicit yes in production.
  authTrustHost: raw.AUTH_TRUST_HOST ?? !production,
  uploadsDir: resolveUploadsDir(raw.POS_UPLOADS_DIR, process.cwd()),
} as const;

// Fixed so development sessions survive restarts; useless to an attacker only because production refuses it.
const DEVELOPMENT_SECRET = "pos-development-secret-never-use-in-production";
// Each route bundle gets its own copy of this module; a process-wide flag keeps the warning to one line.
const flags = globalThis as { posAuthSecretWarned?: boolean };

/** The session signing secret: AUTH_SECRET, a development default (with a warning), or an error in production. */
export function authSecret(): string {
  if (raw.AUTH_SECRET) return raw.AUTH_SECRET;
  if (production) {
    throw new Error(
      "AUTH_SECRET is not set. Production refuses to start without it: set AUTH_SECRET (e.g. `openssl rand -base64 32`).",
    );
  }
  if (!flags.posAuthSecretWarned) {
    flags.posAuthSecretWarned = true;
    console.warn("⚠ AUTH_SECRET is not set: using a built-in development secret. Never deploy like this.");
  }
  return DEVELOPMENT_SECRET;
}

/** Called at server start: fail fast on settings that would otherwise break the first request. */
export function assertServerEnv(): void {
  authSecret();
  if (production && !readDbEnv().DATABASE_URL) {
    throw new Error("DATABASE_URL is not set. Production refuses to start without a database.");
  }
}
