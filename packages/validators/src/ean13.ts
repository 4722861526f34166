// EAN-13: 12 data digits and a check digit. Weights alternate 1, 3, 1, 3… from the left over the first twelve
// digits; the check digit tops the weighted sum up to a multiple of ten. Scanners reject a wrong check digit,
// so every barcode the system prints or generates goes through here.

const TWELVE_DIGITS = /^\d{12}$/;
const THIRTEEN_DIGITS = /^\d{13}$/;

/** The check digit for a 12-digit body. */
export function ean13CheckDigit(body: string): number {
  if (!TWELVE_DIGITS.test(body)) throw new RangeError(`ean13CheckDigit: "${body}" must be exactly 12 digits`);
  let sum = 0;
  for (let i = 0; i < 12; i += 1) {
    sum += (body.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
  }
  return (10 - (sum % 10)) % 10;
}

/** True for 13 digits whose last one is the right check digit. */
export function isValidEan13(code: string): boolean {
  if (!THIRTEEN_DIGITS.test(code)) return false;
  return ean13CheckDigit(code.slice(0, 12)) === code.charCodeAt(12) - 48;
}

/** A full EAN-13 from a 12-digit body. */
export function buildEan13(body: string): string {
  return `${body}${ean13CheckDigit(body)}`;
}

/**
 * A full EAN-13 from a prefix (e.g. "779" for Argentina plus a company number) and a running number
 * zero-padded to fill the 12-digit body. Throws when the number does not fit.
 */
export function ean13FromSequence(prefix: string, sequence: number): string {
  if (!/^\d{0,11}$/.test(prefix)) throw new RangeError(`ean13FromSequence: prefix "${prefix}" must be 0–11 digits`);
  const room = 12 - prefix.length;
  if (!Number.isSafeInteger(sequence) || sequence < 0 || String(sequence).length > room) {
    throw new RangeError(`ean13FromSequence: ${sequence} does not fit in ${room} digits after "${prefix}"`);
  }
  return buildEan13(`${prefix}${String(sequence).padStart(room, "0")}`);
}
