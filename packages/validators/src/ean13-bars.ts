// EAN-13 as bars: 95 modules, each "1" (a dark bar module) or "0" (a space). Start guard 101, six left digits,
// centre guard 01010, six right digits, end guard 101. The first digit is not drawn: it picks which of the left
// six use the odd (L) or even (G) code. Printed labels draw from this, so a wrong check digit is refused here
// rather than printed as a code no scanner will read.
import { isValidEan13 } from "./ean13.ts";

const L_CODES = [
  "0001101",
  "0011001",
  "0010011",
  "0111101",
  "0100011",
  "0110001",
  "0101111",
  "0111011",
  "0110111",
  "0001011",
];
const complement = (bits: string) => bits.replace(/[01]/g, (bit) => (bit === "1" ? "0" : "1"));
const R_CODES = L_CODES.map(complement);
const G_CODES = R_CODES.map((bits) => bits.split("").reverse().join(""));
/** Left-half parity per first digit: L = odd code, G = even code. */
const PARITY = ["LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG", "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL"];

export const EAN13_MODULES = 95;

/** The 95-module pattern of a valid EAN-13; throws a RangeError for anything else (length, digits, check digit). */
export function ean13Modules(code: string): string {
  if (!isValidEan13(code))
    throw new RangeError(`"${code}" is not a valid EAN-13 (13 digits with the right check digit)`);
  const digits = code.split("").map(Number);
  const parity = PARITY[digits[0] ?? 0] ?? PARITY[0];
  const left = digits
    .slice(1, 7)
    .map((digit, index) => (parity?.[index] === "G" ? G_CODES : L_CODES)[digit])
    .join("");
  const right = digits
    .slice(7)
    .map((digit) => R_CODES[digit])
    .join("");
  return `101${left}01010${right}101`;
}

export interface Ean13Bar {
  /** First module of the bar, 0–94. */
  x: number;
  /** Modules wide, 1–4. */
  width: number;
  /** Guard bars are drawn longer than data bars. */
  guard: boolean;
}

const GUARD_MODULES = new Set([0, 2, 46, 48, 92, 94]);

/** The dark bars of a valid EAN-13, merged into runs, ready to draw as rectangles. */
export function ean13Bars(code: string): Ean13Bar[] {
  const modules = ean13Modules(code);
  const bars: Ean13Bar[] = [];
  for (let x = 0; x < modules.length; x += 1) {
    if (modules[x] !== "1") continue;
    let width = 1;
    while (modules[x + width] === "1") width += 1;
    bars.push({ x, width, guard: GUARD_MODULES.has(x) });
    x += width - 1;
  }
  return bars;
}
