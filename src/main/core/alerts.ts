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
  lowMinor?: number;
  criticalMinor?: number;
  /** Share of the threshold the balance must climb above it to re-arm; default 0.05. */
  hysteresisRatio?: number;
  /** The band is at least this wide, and a rise this big is a top-up; default 100 (1.00). */
  minHysteresisMinor?: number;
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

export function hysteresisMinor(threshold: number, rules: AlertRules): number {
  const ratio = rules.hysteresisRatio ?? 0.05;
  // A derived integer band, rounded up: the ratio is the only non-integer in play.
  return Math.max(rules.minHysteresisMinor ?? 100, Math.ceil(Math.abs(threshold) * ratio));
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
  const money = { ...base, at: reading.fetchedAt, minorUnits: reading.minorUnits, currency: reading.currency };
  const next = { ...state };
  const notices: Notice[] = [];

  if (next.errorNotified) {
    next.errorNotified = false;
    notices.push({ ...money, kind: 'error-recovered' });
  }
  notices.push(...thresholds(next, reading.minorUnits, rules).map((n) => ({ ...money, ...n })));

  const rise = previous && previous.currency === reading.currency ? reading.minorUnits - previous.minorUnits : 0;
  const toppedUp = rise >= (rules.minHysteresisMinor ?? 100);
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

type ThresholdNotice = Pick<Notice, 'kind' | 'thresholdMinorUnits'>;

/** Updates the low/critical flags in place and says what to announce. */
function thresholds(state: AlertState, balance: number, rules: AlertRules): ThresholdNotice[] {
  const { lowMinor: low, criticalMinor: critical } = rules;
  const above = (threshold: number) => balance > threshold + hysteresisMinor(threshold, rules);
  const criticalNow = !state.criticalNotified && isAtOrBelow(balance, critical);
  const lowNow = !state.lowNotified && isAtOrBelow(balance, low);
  const criticalBack = state.criticalNotified && (critical === undefined || above(critical));
  const lowBack = state.lowNotified && (low === undefined || above(low));

  if (criticalNow) state.criticalNotified = true;
  if (lowNow) state.lowNotified = true;
  if (criticalBack) state.criticalNotified = false;
  if (lowBack) state.lowNotified = false;

  // A threshold removed by the user re-arms silently: there is nothing to recover from.
  if (criticalNow) return [{ kind: 'critical', thresholdMinorUnits: critical }];
  if (lowNow) return [{ kind: 'low', thresholdMinorUnits: low }];
  if (lowBack && low !== undefined) return [{ kind: 'recovered', thresholdMinorUnits: low }];
  if (criticalBack && critical !== undefined) return [{ kind: 'recovered', thresholdMinorUnits: critical }];
  return [];
}
