import { describe, expect, it } from "vitest";
import { buildEan13, ean13CheckDigit, ean13FromSequence, isValidEan13 } from "./ean13.ts";

describe("EAN-13", () => {
  it("computes check digits of known codes", () => {
    // Published examples: 400638133393-1 and 590123412345-7.
    expect(ean13CheckDigit("400638133393")).toBe(1);
    expect(ean13CheckDigit("590123412345")).toBe(7);
    expect(ean13CheckDigit("779000000000")).toBe(3); // 7 + 21 + 9 = 37
    expect(ean13CheckDigit("000000000000")).toBe(0);
  });

  it("validates", () => {
    expect(isValidEan13("4006381333931")).toBe(true);
    expect(isValidEan13("5901234123457")).toBe(true);
    expect(isValidEan13("5901234123458")).toBe(false);
    expect(isValidEan13("590123412345")).toBe(false);
    expect(isValidEan13("59012341234577")).toBe(false);
    expect(isValidEan13("59012341234a7")).toBe(false);
  });

  it("detects every single-digit error", () => {
    const code = "7790001234568"; // weighted sum 82
    expect(isValidEan13(code)).toBe(true);
    for (let position = 0; position < 13; position += 1) {
      for (let digit = 0; digit <= 9; digit += 1) {
        const changed = `${code.slice(0, position)}${digit}${code.slice(position + 1)}`;
        if (changed !== code) expect(isValidEan13(changed)).toBe(false);
      }
    }
  });

  it("builds from a body or a prefix and running number", () => {
    expect(buildEan13("400638133393")).toBe("4006381333931");
    expect(ean13FromSequence("779", 1)).toBe("7790000000010"); // 7 + 21 + 9 + 1×3 = 40 → 0
    expect(isValidEan13(ean13FromSequence("77900", 1234567))).toBe(true);
    expect(() => ean13FromSequence("779", 1_000_000_000)).toThrow(RangeError);
    expect(() => ean13FromSequence("77a", 1)).toThrow(RangeError);
    expect(() => buildEan13("123")).toThrow(RangeError);
  });
});
