/**
 * One account inside the engine: its config, poller, history and alert episode, and the
 * step that records a poll's result. A failure updates `lastFailure` only: the last good
 * reading is never replaced by anything but another good reading.
 */
import { canonicalAmount, sameAmount } from '../../shared/money.js';
import type {
  AccountConfig,
  AccountSnapshot,
  FetchResult,
  Forecast,
  Notice,
  Reading,
  FetchFailure,
} from '../../shared/types.js';
import { evaluateAlerts, type AlertState } from './alerts.js';
import { forecast, FORECAST_WINDOW_MS } from './forecast.js';
import type { HistoryLog } from './history/log.js';
import type { Poller } from './poller.js';
import { accountStatus } from './status.js';

export interface AccountRuntime {
  config: AccountConfig;
  history: HistoryLog;
  poller: Poller | null;
  alerts: AlertState;
  lastReading: Reading | null;
  lastFailure: FetchFailure | null;
  hasSecret: boolean;
  sessionOnly: boolean;
  forecast: Forecast | null;
}

export function thresholdsOf(config: AccountConfig): { low?: string; critical?: string } {
  const low = config.lowThreshold === undefined ? null : canonicalAmount(config.lowThreshold);
  const critical = config.criticalThreshold === undefined ? null : canonicalAmount(config.criticalThreshold);
  return {
    ...(low === null ? {} : { low }),
    ...(critical === null ? {} : { critical }),
  };
}

/** After a restart the newest history entry stands in as the last reading (and may be stale). */
export function readingFromHistory(history: HistoryLog): Reading | null {
  const last = history.entries().at(-1);
  if (!last) return null;
  return {
    currency: last.currency,
    balance: last.balance,
    fetchedAt: last.lastAt,
  };
}

export function refreshForecast(runtime: AccountRuntime, now: number): void {
  const recent = runtime.history.entries(now - FORECAST_WINDOW_MS);
  runtime.forecast = forecast(recent, now, thresholdsOf(runtime.config).low);
}

/** Applies one poll result; returns the notices it raised. */
export function recordResult(
  runtime: AccountRuntime,
  result: FetchResult,
  now: number,
  forecastWarnDays: number,
): Notice[] {
  const account = { id: runtime.config.id, label: runtime.config.label };
  const rules = { ...thresholdsOf(runtime.config), forecastWarnDays };
  if (!result.ok) {
    runtime.lastFailure = result.failure;
    const streak = runtime.poller?.state().failureStreak ?? 1;
    const step = evaluateAlerts(runtime.alerts, { kind: 'failure', failure: result.failure, streak }, rules, account);
    runtime.alerts = step.state;
    return step.notices;
  }
  const previous = runtime.lastReading;
  runtime.lastReading = result.reading;
  runtime.lastFailure = null;
  runtime.history.append(result.reading);
  // Only a changed balance can move the forecast; most polls see the same figure again.
  if (previous === null || !sameAmount(previous.balance, result.reading.balance)) refreshForecast(runtime, now);
  const step = evaluateAlerts(
    runtime.alerts,
    { kind: 'reading', reading: result.reading, previous },
    { ...rules, forecastDays: runtime.forecast?.daysUntilEmpty ?? null },
    account,
  );
  runtime.alerts = step.state;
  return step.notices;
}

export function snapshotOf(runtime: AccountRuntime, now: number): AccountSnapshot {
  const { config } = runtime;
  const state = runtime.poller?.state();
  const intervalMs = config.pollIntervalSec * 1000;
  const status = accountStatus({
    enabled: config.enabled,
    hasSecret: runtime.hasSecret,
    lastReading: runtime.lastReading,
    lastFailure: runtime.lastFailure,
    lastSuccessAt: state?.lastSuccessAt ?? runtime.lastReading?.fetchedAt ?? null,
    failureStreak: state?.failureStreak ?? 0,
    pausedUntil: state?.pausedUntil ?? null,
    now,
    intervalMs,
    wokeAt: state?.wokeAt ?? null,
    ...thresholdsOf(config),
  });
  const pausedUntil = state?.pausedUntil ?? null;
  return {
    ...config,
    hasSecret: runtime.hasSecret,
    secretSessionOnly: runtime.sessionOnly,
    status,
    lastReading: runtime.lastReading,
    lastFailure: runtime.lastFailure,
    failureStreak: state?.failureStreak ?? 0,
    nextCheckAt: state?.nextAt ?? null,
    // JSON has no Infinity: "until resumed" travels as a far-future sentinel-free null + status.
    pausedUntil: pausedUntil !== null && Number.isFinite(pausedUntil) ? pausedUntil : null,
    forecast: runtime.forecast,
  };
}
