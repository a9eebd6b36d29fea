/**
 * Money is kept as the decimal string the API sent ("1234.56", "0.125",
 * "123456789012345678.90"): any number of decimals, any size within sane limits, never a
 * float. Arithmetic and comparison go through an exact decimal (bigint digits and a scale).
 * A float appears only where a number is wanted for drawing or estimating (charts,
 * forecasts, the Prometheus gauge), through `amountToNumber`, named so it cannot hide.
 */

/** The currency convention: whole amounts and thresholds show at least two decimals. */
export const MIN_FRACTION_DIGITS = 2;
/** Intl formats at most 20 decimals; more than that is no currency's amount. */
export const MAX_FRACTION_DIGITS = 20;
/** Far beyond any balance, and short enough that a hostile answer costs nothing to parse. */
export const MAX_DIGITS = 40;

/** value = digits / 10^scale, exactly. */
export interface Decimal {
  digits: bigint;
  scale: number;
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Reads "1234.56", "-0.5", "7", "0.125": plain ASCII digits only; null for anything else. */
export function parseAmount(text: string): Decimal | null {
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, minus, whole = '0', fraction = ''] = match;
  if (fraction.length > MAX_FRACTION_DIGITS || whole.length + fraction.length > MAX_DIGITS) return null;
  const digits = BigInt(whole + fraction);
  return { digits: minus ? -digits : digits, scale: fraction.length };
}

export function isAmount(text: string): boolean {
  return parseAmount(text) !== null;
}

function rescale(value: Decimal, scale: number): bigint {
  return value.digits * 10n ** BigInt(scale - value.scale);
}

function strictParse(text: string): Decimal {
  const value = parseAmount(text);
  if (value === null) throw new RangeError('not a decimal amount');
  return value;
}

/** Writes a decimal back with at least `minScale` decimals, never fewer than it has. */
export function formatAmount(value: Decimal, minScale = 0): string {
  const scale = Math.max(value.scale, minScale);
  const digits = rescale(value, scale);
  const negative = digits < 0n;
  const text = (negative ? -digits : digits).toString().padStart(scale + 1, '0');
  const whole = text.slice(0, text.length - scale);
  const fraction = text.slice(text.length - scale);
  const sign = negative ? '-' : '';
  return scale === 0 ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

/**
 * The stored form: leading zeros dropped, "-0" as "0", and at least two decimals ("7" ->
 * "7.00"), but every decimal that was sent kept ("0.125" stays "0.125"). Null when not an
 * amount.
 */
export function canonicalAmount(text: string, minScale = MIN_FRACTION_DIGITS): string | null {
  const value = parseAmount(text);
  return value === null ? null : formatAmount(value, minScale);
}

/** -1, 0 or 1, exactly, whatever the two scales ("1.5" equals "1.50"). Throws on non-amounts. */
export function compareAmounts(a: string, b: string): -1 | 0 | 1 {
  const x = strictParse(a);
  const y = strictParse(b);
  const scale = Math.max(x.scale, y.scale);
  const left = rescale(x, scale);
  const right = rescale(y, scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

export function sameAmount(a: string, b: string): boolean {
  return compareAmounts(a, b) === 0;
}

/** a - b, exactly, with the larger of the two scales (and at least two decimals). */
export function subtractAmounts(a: string, b: string): string {
  const x = strictParse(a);
  const y = strictParse(b);
  const scale = Math.max(x.scale, y.scale);
  return formatAmount({ digits: rescale(x, scale) - rescale(y, scale), scale }, MIN_FRACTION_DIGITS);
}

/** a + b, exactly. */
export function addAmounts(a: string, b: string): string {
  return subtractAmounts(a, negateAmount(b));
}

export function negateAmount(a: string): string {
  const x = strictParse(a);
  return formatAmount({ digits: -x.digits, scale: x.scale }, MIN_FRACTION_DIGITS);
}

/** a × b, exactly (the scales add up). */
export function multiplyAmounts(a: string, b: string): string {
  const x = strictParse(a);
  const y = strictParse(b);
  return formatAmount({ digits: x.digits * y.digits, scale: x.scale + y.scale }, MIN_FRACTION_DIGITS);
}

export function isNegativeAmount(a: string): boolean {
  return strictParse(a).digits < 0n;
}

/**
 * An approximation for drawing and estimating only (chart coordinates, forecast slopes, the
 * Prometheus gauge). Never stored, compared or shown as the amount.
 */
export function amountToNumber(a: string): number {
  return Number(a);
}

/**
 * Localized money, e.g. "USD 1,234.56" style per locale, with every decimal the amount has
 * (at least two). Intl formats the decimal string itself, so nothing goes through a float.
 */
export function formatMoney(amount: string, currency: string, locale: string): string {
  const value = parseAmount(amount);
  // Not an amount (never from our own readings): show it as it is rather than guess.
  if (value === null) return `${currency} ${amount}`;
  const digits = Math.max(MIN_FRACTION_DIGITS, value.scale);
  const decimal = formatAmount(value) as `${number}`;
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'code',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(decimal);
  } catch {
    // An unknown currency code: Intl refuses it, so show the plain grouped number with the code.
    const plain = new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(decimal);
    return `${currency} ${plain}`;
  }
}
