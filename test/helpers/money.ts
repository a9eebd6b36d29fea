import { formatAmount } from '../../src/shared/money.js';

/** A whole number of cents as the decimal string the engine keeps: 12_345 -> "123.45". */
export function cents(minor: number | bigint): string {
  return formatAmount({ digits: BigInt(minor), scale: 2 });
}
