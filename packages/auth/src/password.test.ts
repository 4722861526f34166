import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password.ts";

describe("password hashing", () => {
  it("verifies the password it hashed and nothing else", async () => {
    const stored = await hashPassword("demo1234");
    expect(stored).toMatch(/^scrypt\$15\$8\$1\$[^$]+\$[^$]+$/);
    expect(await verifyPassword("demo1234", stored)).toBe(true);
    expect(await verifyPassword("demo12345", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts every hash", async () => {
    const [a, b] = await Promise.all([hashPassword("same"), hashPassword("same")]);
    expect(a).not.toBe(b);
  });

  it("treats Unicode compositions of the same text as the same password", async () => {
    // "é" typed as one code point or as e + combining accent, depending on the keyboard.
    expect(await verifyPassword("caf\u0065\u0301", await hashPassword("caf\u00e9"))).toBe(true);
  });

  it("rejects malformed stored values instead of throwing", async () => {
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$10$abc")).toBe(false);
    expect(await verifyPassword("x", "scrypt$15$8$1$c2FsdA==")).toBe(false);
  });
});
