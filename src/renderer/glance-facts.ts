/**
 * What a card says under the figure, as plain values: how far the balance is from the next
 * threshold that matters, and how many days it lasts. Kept apart from the DOM so the rules
 * are table tests.
 */
import { canonicalAmount, compareAmounts, subtractAmounts } from '../shared/money.js';
import type { AccountSnapshot } from '../shared/types.js';

export type DistanceKind = 'nothingLeft' | 'underCritical' | 'underLow' | 'aboveLow' | 'aboveCritical';

export interface Distance {
  kind: DistanceKind;
  /** How far, as an exact decimal string ("0.00" for nothingLeft). */
  amount: string;
}

const threshold = (text: string | undefined) => (text === undefined ? null : canonicalAmount(text));
const gap = (a: string, b: string) => canonicalAmount(subtractAmounts(a, b)) ?? '0.00';

/** The threshold the user cares about next: the one already crossed, else the next one down. */
export function thresholdDistance(
  account: Pick<AccountSnapshot, 'lastReading' | 'lowThreshold' | 'criticalThreshold'>,
): Distance | null {
  const balance = account.lastReading?.balance;
  if (balance === undefined) return null;
  if (compareAmounts(balance, '0') <= 0) return { kind: 'nothingLeft', amount: '0.00' };
  const critical = threshold(account.criticalThreshold);
  const low = threshold(account.lowThreshold);
  if (critical !== null && compareAmounts(balance, critical) <= 0)
    return { kind: 'underCritical', amount: gap(critical, balance) };
  if (low !== null && compareAmounts(balance, low) <= 0) return { kind: 'underLow', amount: gap(low, balance) };
  if (low !== null) return { kind: 'aboveLow', amount: gap(balance, low) };
  if (critical !== null) return { kind: 'aboveCritical', amount: gap(balance, critical) };
  return null;
}

export type Outlook = { kind: 'days'; days: number } | { kind: 'notSpending' } | null;

export function outlook(account: Pick<AccountSnapshot, 'forecast' | 'lastReading'>): Outlook {
  const forecast = account.forecast;
  if (!forecast || !account.lastReading) return null;
  if (forecast.spendPerDay <= 0 || forecast.daysUntilEmpty === null) return { kind: 'notSpending' };
  return { kind: 'days', days: forecast.daysUntilEmpty };
}

/** A figure that cannot be trusted as current: shown dimmed, with its age and the reason. */
export function isDimmed(account: Pick<AccountSnapshot, 'status' | 'lastReading'>): boolean {
  return account.lastReading !== null && (account.status === 'stale' || account.status === 'error');
}

export function credentialsRejected(account: Pick<AccountSnapshot, 'status' | 'lastFailure'>): boolean {
  return account.status === 'error' && account.lastFailure?.auth === true;
}
