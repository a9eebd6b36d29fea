/**
 * Thresholds to offer once "Test connection" has read the balance, so a new account alerts
 * by default instead of never: warn at about a fifth of today's balance, critical at about a
 * tenth, each rounded down to a 1-2-5 figure a person would have typed. Returned as decimal
 * strings for the form; the user can change or clear them.
 */
import { amountToNumber } from '../shared/money.js';
import { centsText } from './cents.js';

/** The largest 1, 2 or 5 × 10^n (in minor units, at least one whole unit) not above `minor`. */
function niceFloor(minor: number): number {
  if (minor < 100) return 0;
  const magnitude = 10 ** Math.floor(Math.log10(minor));
  for (const step of [5, 2, 1]) if (step * magnitude <= minor) return step * magnitude;
  return magnitude;
}

export function suggestThresholds(balance: string): { low: string; critical: string } | null {
  // A suggestion is an estimate: a double is fine here, the result is a round figure.
  const balanceMinor = Math.floor(amountToNumber(balance) * 100);
  const low = niceFloor(Math.floor(balanceMinor / 5));
  const critical = niceFloor(Math.floor(balanceMinor / 10));
  if (low <= 0 || critical <= 0 || critical >= low) return null;
  return { low: centsText(low), critical: centsText(critical) };
}

/** The intervals the form offers, in seconds: minutes for busy accounts, hours for quiet ones. */
export const INTERVAL_CHOICES = [60, 120, 300, 600, 900, 1800, 3600, 7200, 21_600, 43_200, 86_400] as const;
