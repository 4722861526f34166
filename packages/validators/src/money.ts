// Exact money arithmetic on integer cents (domain rule 5: money is exact, rounding is half-up to the cent).
//
// Amounts are plain integers of cents (`Cents`): Decimal(12,2) tops out at 10^12 cents, far inside
// Number.MAX_SAFE_INTEGER, so sums and `quantity × price` stay exact as numbers. Only percentages go through
// BigInt, because `cents × basis points` can pass 2^53. Nothing here formats for display (see @pos/ui
// formatMoney) and nothing ever builds a binary float from a price.
//
// Half-up means "half away from zero": 0.005 → 0.01 and −0.005 → −0.01, so a refund mirrors its sale.

/** An integer number of cents (centavos). */
export type Cents = number;

/** Anything that prints itself as a plain decimal, e.g. a Prisma Decimal. */
export interface DecimalLike {
  toFixed(digits?: number): string;
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d*))?$/;

function assertCents(value: Cents, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what}: ${value} is not a whole number of cents`);
}

/** Divides and rounds half away from zero; the divisor must be positive. */
function divideHalfUp(numerator: bigint, divisor: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = (magnitude * 2n + divisor) / (divisor * 2n);
  return negative ? -quotient : quotient;
}

function toSafeNumber(value: bigint, what: string): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) throw new RangeError(`${what}: result ${value} is out of range`);
  return result;
}

function decimalText(value: string | DecimalLike): string {
  // Decimal#toFixed() without digits prints every digit in plain (never exponential) notation.
  return (typeof value === "string" ? value : value.toFixed()).trim();
}

/**
 * Parses "1234.56", "-0.5", "15999", or a Prisma Decimal into cents. More than two decimals is refused rather
 * than rounded: an amount with fractions of a cent is a bug upstream, and rounding it here would hide it.
 */
export function toCents(value: string | DecimalLike): Cents {
  const text = decimalText(value);
  const match = DECIMAL.exec(text);
  if (!match) throw new RangeError(`toCents: "${text}" is not a decimal amount`);
  const [, sign, whole = "0", fraction = ""] = match;
  if (fraction.length > 2 && !/^0*$/.test(fraction.slice(2))) {
    throw new RangeError(`toCents: "${text}" has fractions of a cent`);
  }
  const cents = BigInt(whole) * 100n + BigInt(fraction.slice(0, 2).padEnd(2, "0"));
  return toSafeNumber(sign === "-" ? -cents : cents, "toCents");
}

/** Cents → "1234.56", the string form Prisma accepts for a Decimal column. */
export function fromCents(cents: Cents): string {
  assertCents(cents, "fromCents");
  const magnitude = Math.abs(cents);
  const whole = Math.floor(magnitude / 100);
  const fraction = String(magnitude % 100).padStart(2, "0");
  return `${cents < 0 ? "-" : ""}${whole}.${fraction}`;
}

export function sumCents(amounts: Iterable<Cents>): Cents {
  let total = 0;
  for (const amount of amounts) {
    assertCents(amount, "sumCents");
    total += amount;
  }
  assertCents(total, "sumCents");
  return total;
}

export function addCents(...amounts: Cents[]): Cents {
  return sumCents(amounts);
}

/** `quantity × amount`, exact (the quantity is a whole number of units). */
export function multiplyCents(amount: Cents, quantity: number): Cents {
  assertCents(amount, "multiplyCents");
  if (!Number.isSafeInteger(quantity)) throw new RangeError(`multiplyCents: quantity ${quantity} is not whole`);
  return toSafeNumber(BigInt(amount) * BigInt(quantity), "multiplyCents");
}

/**
 * A percentage as basis points (hundredths of a percent): "21" → 2100, "-10" → −1000, "12.5" → 1250.
 * Accepts what a Decimal(5,2) column holds; a JS number is accepted only when it is a whole percent.
 */
export function toBasisPoints(percent: string | number | DecimalLike): number {
  if (typeof percent === "number") {
    if (!Number.isSafeInteger(percent))
      throw new RangeError(`toBasisPoints: ${percent} must be a whole percent or a string`);
    return percent * 100;
  }
  return toCents(percent);
}

/** `percent` % of `amount`, rounded half-up to the cent. */
export function percentOf(amount: Cents, percent: string | number | DecimalLike): Cents {
  assertCents(amount, "percentOf");
  const basisPoints = BigInt(toBasisPoints(percent));
  return toSafeNumber(divideHalfUp(BigInt(amount) * basisPoints, 10_000n), "percentOf");
}

/**
 * `amount × part / whole`, half-up: the share of an amount that `part` of `whole` units carry (2 of 3 units of
 * a line). Differences of two shares (k+q of n minus k of n) split an amount into parts that add up exactly.
 */
export function prorateCents(amount: Cents, part: number, whole: number): Cents {
  assertCents(amount, "prorateCents");
  if (!Number.isSafeInteger(part) || !Number.isSafeInteger(whole) || whole <= 0 || part < 0) {
    throw new RangeError(`prorateCents: ${part} of ${whole} is not a share`);
  }
  return toSafeNumber(divideHalfUp(BigInt(amount) * BigInt(part), BigInt(whole)), "prorateCents");
}

/** The amount adjusted by a percentage: +10 adds a surcharge, −10 takes a discount off. */
export function applyPercent(amount: Cents, percent: string | number | DecimalLike): Cents {
  return amount + percentOf(amount, percent);
}

/** A sale line: quantity × unit price − line discount (all exact once in cents). */
export function lineTotalCents(quantity: number, unitPrice: Cents, discount: Cents = 0): Cents {
  assertCents(discount, "lineTotalCents");
  return multiplyCents(unitPrice, quantity) - discount;
}

/**
 * The VAT already contained in a tax-inclusive amount: total × rate / (100 + rate), half-up.
 * (Equal to round(total − total / 1.21) at 21 %, computed without a float.)
 */
export function includedTax(total: Cents, ratePercent: string | number | DecimalLike): Cents {
  assertCents(total, "includedTax");
  const basisPoints = BigInt(toBasisPoints(ratePercent));
  if (basisPoints <= -10_000n) throw new RangeError("includedTax: rate must be above −100 %");
  return toSafeNumber(divideHalfUp(BigInt(total) * basisPoints, 10_000n + basisPoints), "includedTax");
}

/**
 * Splits `total` in proportion to `weights` so that the parts add up to `total` exactly (largest remainder:
 * the cents lost to rounding down go to the parts with the biggest fractions, earliest first on ties).
 * Used to spread a sale discount over its lines or to refund part of a discounted sale.
 */
export function allocateCents(total: Cents, weights: readonly number[]): Cents[] {
  assertCents(total, "allocateCents");
  if (weights.length === 0) throw new RangeError("allocateCents: nothing to allocate to");
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0)
      throw new RangeError(`allocateCents: weight ${weight} must be a whole number ≥ 0`);
  }
  const weightSum = BigInt(sumCents(weights));
  if (weightSum === 0n) throw new RangeError("allocateCents: weights add up to zero");
  const sign = total < 0 ? -1n : 1n;
  const magnitude = BigInt(Math.abs(total));
  const parts = weights.map((weight) => (magnitude * BigInt(weight)) / weightSum);
  const remainders = weights.map((weight, index) => ({ index, rest: (magnitude * BigInt(weight)) % weightSum }));
  let missing = magnitude - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const { index } of remainders) {
    if (missing === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    missing -= 1n;
  }
  return parts.map((part) => Number(part * sign));
}

/**
 * Amounts as people type them and spreadsheets write them: "15999.50", "15999,50", "15.999,50", "$ 15.999", as
 * decimal text ("15999.50"); anything else comes back for a schema to refuse. A comma is the decimal
 * mark (Argentine Excel); dots before three digits are thousands separators.
 */
export function normalizeAmount(raw: string): string {
  const value = raw.replace(/[\s$]/g, "");
  if (value.includes(",")) return value.replace(/\./g, "").replace(",", ".");
  if (/^\d{1,3}(\.\d{3})+$/.test(value)) return value.replace(/\./g, "");
  return value;
}
