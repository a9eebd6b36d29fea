/**
 * Money on a terminal, written without Intl. Both languages of the command line (en-US and
 * zh-CN) write an amount with a currency code alike: the code, a space, the whole part in
 * groups of three with ",", then "." and the decimals. The first Intl formatter of a process
 * initialises ICU: about 20 ms alone, 9% of a one-shot `check`'s instructions (valgrind),
 * though the wall-clock cli_cold_start_ratio of `npm run bench` moved less than its noise.
 * test/cli/terminal-money.test.ts holds this to Intl's own output for every catalog locale,
 * so a new language that writes money otherwise fails there.
 */
import { MIN_FRACTION_DIGITS, formatAmount, parseAmount } from '../../shared/money.js';

/** What Intl accepts as a currency code (ISO 4217's shape); anything else it refuses. */
const CURRENCY_CODE = /^[A-Za-z]{3}$/;

const grouped = (whole: string): string => whole.replace(/\B(?=(\d{3})+$)/g, ',');

export function terminalMoney(amount: string, currency: string): string {
  const value = parseAmount(amount);
  if (value === null) return `${currency} ${amount}`;
  const text = formatAmount(value, MIN_FRACTION_DIGITS);
  const sign = text.startsWith('-') ? '-' : '';
  const [whole = '', fraction = ''] = text.slice(sign.length).split('.');
  const number = `${grouped(whole)}.${fraction}`;
  // Intl puts the sign before a code it knows; shared/money.ts's fallback puts the code first.
  return CURRENCY_CODE.test(currency) ? `${sign}${currency.toUpperCase()} ${number}` : `${currency} ${sign}${number}`;
}
