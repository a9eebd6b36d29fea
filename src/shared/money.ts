/**
 * Money is kept as integer minor units (cents, fen): the API always answers with two
 * decimals, and a JS number holds every integer up to 2^53 exactly, far beyond any balance.
 * Nothing here goes through a float.
 */
export const MINOR_DIGITS = 2;

const DECIMAL = /^(-)?(\d{1,15})(?:\.(\d{1,2}))?$/;

/** Parses "1234.56", "-0.5", "7" into minor units; null for anything else. */
export function parseDecimal(text: string): number | null {
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, minus, whole = '0', fraction = ''] = match;
  const minor = Number(whole) * 100 + Number(fraction.padEnd(MINOR_DIGITS, '0'));
  if (!Number.isSafeInteger(minor)) return null;
  return minus && minor !== 0 ? -minor : minor;
}

/** Minor units back to the canonical decimal string: 123456 -> "1234.56", -50 -> "-0.50". */
export function formatDecimal(minorUnits: number): string {
  if (!Number.isSafeInteger(minorUnits)) throw new RangeError('minor units must be a safe integer');
  const sign = minorUnits < 0 ? '-' : '';
  const abs = Math.abs(minorUnits);
  const whole = Math.trunc(abs / 100);
  const fraction = String(abs % 100).padStart(MINOR_DIGITS, '0');
  return `${sign}${whole}.${fraction}`;
}

/**
 * Localized money, e.g. "USD 1,234.56" style per locale. Intl formats the decimal string
 * itself (not a Number), so no float rounding can creep in.
 */
export function formatMoney(minorUnits: number, currency: string, locale: string): string {
  const decimal = formatDecimal(minorUnits) as `${number}`;
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'code',
      minimumFractionDigits: MINOR_DIGITS,
      maximumFractionDigits: MINOR_DIGITS,
    }).format(decimal);
  } catch {
    // An unknown currency code: Intl refuses it, so show the plain grouped number with the code.
    const plain = new Intl.NumberFormat(locale, {
      minimumFractionDigits: MINOR_DIGITS,
      maximumFractionDigits: MINOR_DIGITS,
    }).format(decimal);
    return `${currency} ${plain}`;
  }
}
