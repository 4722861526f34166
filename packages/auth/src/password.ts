// Staff passwords and PINs are hashed with scrypt (memory-hard KDF, built into Node: no native addon to install).
// Stored format: scrypt$<log2 N>$<r>$<p>$<salt b64>$<hash b64>, so parameters can be raised later and old hashes
// still verify.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";

const KEY_LENGTH = 32;
const DEFAULTS = { log2N: 15, r: 8, p: 1 } as const;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize("NFKC"), salt, KEY_LENGTH, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

function options(log2N: number, r: number, p: number): ScryptOptions {
  // maxmem must cover 128 · N · r bytes or Node refuses the parameters.
  return { N: 2 ** log2N, r, p, maxmem: 256 * 2 ** log2N * r };
}

export async function hashPassword(password: string): Promise<string> {
  const { log2N, r, p } = DEFAULTS;
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, options(log2N, r, p));
  return ["scrypt", log2N, r, p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, log2N, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !log2N || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await scrypt(password, Buffer.from(salt, "base64"), options(Number(log2N), Number(r), Number(p)));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
