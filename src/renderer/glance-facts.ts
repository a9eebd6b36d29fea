/**
 * What a card says under the figure, as plain values: how far the balance is from the next
 * threshold that matters, and how many days it lasts. Kept apart from the DOM so the rules
 * are table tests.
 */
import { parseDecimal } from '../shared/money.js';
import type { AccountSnapshot } from '../shared/types.js';

export type DistanceKind = 'nothingLeft' | 'underCritical' | 'underLow' | 'aboveLow' | 'aboveCritical';

export interface Distance {
  kind: DistanceKind;
  /** How far, in minor units (0 for nothingLeft). */
  minorUnits: number;
}

const threshold = (text: string | undefined) => (text === undefined ? null : parseDecimal(text));

/** The threshold the user cares about next: the one already crossed, else the next one down. */
export function thresholdDistance(
  account: Pick<AccountSnapshot, 'lastReading' | 'lowThreshold' | 'criticalThreshold'>,
): Distance | null {
  const balance = account.lastReading?.minorUnits;
  if (balance === undefined) return null;
  if (balance <= 0) return { kind: 'nothingLeft', minorUnits: 0 };
  const critical = threshold(account.criticalThreshold);
  const low = threshold(account.lowThreshold);
  if (critical !== null && balance <= critical) return { kind: 'underCritical', minorUnits: critical - balance };
  if (low !== null && balance <= low) return { kind: 'underLow', minorUnits: low - balance };
  if (low !== null) return { kind: 'aboveLow', minorUnits: balance - low };
  if (critical !== null) return { kind: 'aboveCritical', minorUnits: balance - critical };
  return null;
}

export type Outlook = { kind: 'days'; days: number } | { kind: 'notSpending' } | null;

export function outlook(account: Pick<AccountSnapshot, 'forecast' | 'lastReading'>): Outlook {
  const forecast = account.forecast;
  if (!forecast || !account.lastReading) return null;
  if (forecast.minorUnitsPerDay <= 0 || forecast.daysUntilEmpty === null) return { kind: 'notSpending' };
  return { kind: 'days', days: forecast.daysUntilEmpty };
}

/** A figure that cannot be trusted as current: shown dimmed, with its age and the reason. */
export function isDimmed(account: Pick<AccountSnapshot, 'status' | 'lastReading'>): boolean {
  return account.lastReading !== null && (account.status === 'stale' || account.status === 'error');
}

export function credentialsRejected(account: Pick<AccountSnapshot, 'status' | 'lastFailure'>): boolean {
  return account.status === 'error' && account.lastFailure?.auth === true;
}
