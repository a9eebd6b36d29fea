/**
 * Which notices a new reading or failure deserves, as a pure step over a small persisted
 * state: one notice per episode, re-armed only past a hysteresis band, so a balance
 * wobbling around a threshold, or a restart, never repeats a notification.
 *
 * Falling past both thresholds at once (from above low straight to critical) gives only the
 * critical notice, and low counts as notified too: one event, one notification, the worst.
 * Likewise, climbing back above both bands at once gives one "recovered" notice (for low).
 */
import { z } from 'zod';
import { addAmounts, compareAmounts, multiplyAmounts, negateAmount, subtractAmounts } from '../../shared/money.js';
import type { FetchFailure, Notice, Reading } from '../../shared/types.js';
import { isAtOrBelow, ERROR_STREAK } from './status.js';

export const alertStateSchema = z.object({
  lowNotified: z.boolean().default(false),
  criticalNotified: z.boolean().default(false),
  errorNotified: z.boolean().default(false),
  forecastNotified: z.boolean().default(false),
});

export type AlertState = z.infer<typeof alertStateSchema>;

export function initialAlertState(): AlertState {
  return { lowNotified: false, criticalNotified: false, errorNotified: false, forecastNotified: false };
}

export type AlertEvent =
  | { kind: 'reading'; reading: Reading; previous: Reading | null }
  | { kind: 'failure'; failure: FetchFailure; streak: number };

export interface AlertRules {
  /** Decimal strings, compared exactly. */
  low?: string;
  critical?: string;
  /** Share of the threshold the balance must climb above it to re-arm, a decimal; default "0.05". */
  hysteresisRatio?: string;
  /** The band is at least this wide, and a rise this big is a top-up; default "1.00". */
  minHysteresis?: string;
  /** Days until empty (or low) from the forecast, null when there is none. */
  forecastDays?: number | null;
  forecastWarnDays: number;
}

export interface AlertAccount {
  id: string;
  label: string;
}

/** A forecast notice re-arms once the forecast is this many days past the warning. */
export const FORECAST_REARM_DAYS = 1;

const DEFAULT_RATIO = '0.05';
const DEFAULT_MIN_BAND = '1.00';

/** The re-arm band above a threshold, exact: max(minimum, |threshold| × ratio). */
export function hysteresisBand(threshold: string, rules: AlertRules): string {
  const magnitude = compareAmounts(threshold, '0') < 0 ? negateAmount(threshold) : threshold;
  const share = multiplyAmounts(magnitude, rules.hysteresisRatio ?? DEFAULT_RATIO);
  const minimum = rules.minHysteresis ?? DEFAULT_MIN_BAND;
  return compareAmounts(share, minimum) > 0 ? share : minimum;
}

export function evaluateAlerts(
  state: AlertState,
  event: AlertEvent,
  rules: AlertRules,
  account: AlertAccount,
): { state: AlertState; notices: Notice[] } {
  const base = { accountId: account.id, label: account.label };
  if (event.kind === 'failure') {
    const serious = event.failure.auth === true || event.streak >= ERROR_STREAK;
    if (!serious || state.errorNotified) return { state, notices: [] };
    const notice: Notice = { ...base, kind: 'error', at: event.failure.at, failure: event.failure };
    return { state: { ...state, errorNotified: true }, notices: [notice] };
  }

  const { reading, previous } = event;
  const money = { ...base, at: reading.fetchedAt, balance: reading.balance, currency: reading.currency };
  const next = { ...state };
  const notices: Notice[] = [];

  if (next.errorNotified) {
    next.errorNotified = false;
    notices.push({ ...money, kind: 'error-recovered' });
  }
  notices.push(...thresholds(next, reading.balance, rules).map((n) => ({ ...money, ...n })));

  const rise =
    previous && previous.currency === reading.currency ? subtractAmounts(reading.balance, previous.balance) : '0';
  const toppedUp = compareAmounts(rise, rules.minHysteresis ?? DEFAULT_MIN_BAND) >= 0;
  if (toppedUp) notices.push({ ...money, kind: 'top-up' });

  const days = rules.forecastDays ?? null;
  if (!next.forecastNotified && days !== null && days < rules.forecastWarnDays) {
    next.forecastNotified = true;
    notices.push({ ...money, kind: 'forecast', days });
  } else if (
    next.forecastNotified &&
    (toppedUp || (days !== null && days >= rules.forecastWarnDays + FORECAST_REARM_DAYS))
  ) {
    next.forecastNotified = false;
  }
  return { state: next, notices };
}

type ThresholdNotice = Pick<Notice, 'kind' | 'threshold'>;

/** Updates the low/critical flags in place and says what to announce. */
function thresholds(state: AlertState, balance: string, rules: AlertRules): ThresholdNotice[] {
  const { low, critical } = rules;
  const above = (threshold: string) =>
    compareAmounts(balance, addAmounts(threshold, hysteresisBand(threshold, rules))) > 0;
  const criticalNow = !state.criticalNotified && isAtOrBelow(balance, critical);
  const lowNow = !state.lowNotified && isAtOrBelow(balance, low);
  const criticalBack = state.criticalNotified && (critical === undefined || above(critical));
  const lowBack = state.lowNotified && (low === undefined || above(low));

  if (criticalNow) state.criticalNotified = true;
  if (lowNow) state.lowNotified = true;
  if (criticalBack) state.criticalNotified = false;
  if (lowBack) state.lowNotified = false;

  // A threshold removed by the user re-arms silently: there is nothing to recover from.
  if (criticalNow) return [{ kind: 'critical', ...(critical === undefined ? {} : { threshold: critical }) }];
  if (lowNow) return [{ kind: 'low', ...(low === undefined ? {} : { threshold: low }) }];
  if (lowBack && low !== undefined) return [{ kind: 'recovered', threshold: low }];
  if (criticalBack && critical !== undefined) return [{ kind: 'recovered', threshold: critical }];
  return [];
}
