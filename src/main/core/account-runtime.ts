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
import { PAUSED_UNTIL_RESUMED } from '../../shared/types.js';
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
  failureStreak: number,
): Notice[] {
  const account = { id: runtime.config.id, label: runtime.config.label };
  const rules = { ...thresholdsOf(runtime.config), forecastWarnDays };
  if (!result.ok) {
    runtime.lastFailure = result.failure;
    const step = evaluateAlerts(
      runtime.alerts,
      { kind: 'failure', failure: result.failure, streak: failureStreak },
      rules,
      account,
    );
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

/**
 * The last snapshot of each runtime, handed out again while nothing in it changed: every
 * update snapshots every account, and a thousand new objects a second (with their amounts
 * parsed again) were most of what a big headless service allocated.
 */
const lastSnapshots = new WeakMap<
  AccountRuntime,
  { config: AccountConfig; fields: RuntimeFields; snapshot: AccountSnapshot }
>();

/** Thresholds in canonical form, once per config object (a change replaces the config). */
const thresholdsByConfig = new WeakMap<AccountConfig, { low?: string; critical?: string }>();

function cachedThresholds(config: AccountConfig): { low?: string; critical?: string } {
  let thresholds = thresholdsByConfig.get(config);
  if (!thresholds) {
    thresholds = thresholdsOf(config);
    thresholdsByConfig.set(config, thresholds);
  }
  return thresholds;
}

type RuntimeFields = Omit<AccountSnapshot, keyof AccountConfig>;

/** A config is replaced, never changed in place, on an edit: it compares by reference. */
function unchanged(
  before: { config: AccountConfig; fields: RuntimeFields },
  config: AccountConfig,
  fields: RuntimeFields,
): boolean {
  if (before.config !== config) return false;
  for (const key of Object.keys(fields) as Array<keyof RuntimeFields>)
    if (before.fields[key] !== fields[key]) return false;
  return true;
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
    ...cachedThresholds(config),
  });
  const pausedUntil = state?.pausedUntil ?? null;
  const fields: RuntimeFields = {
    hasSecret: runtime.hasSecret,
    secretSessionOnly: runtime.sessionOnly,
    status,
    lastReading: runtime.lastReading,
    lastFailure: runtime.lastFailure,
    failureStreak: state?.failureStreak ?? 0,
    nextCheckAt: state?.nextAt ?? null,
    nextCheckReason: state?.reason ?? null,
    // JSON has no Infinity, and null means "not paused": "until resumed" is its own value.
    pausedUntil: pausedUntil === null ? null : Number.isFinite(pausedUntil) ? pausedUntil : PAUSED_UNTIL_RESUMED,
    forecast: runtime.forecast,
  };
  const before = lastSnapshots.get(runtime);
  if (before !== undefined && unchanged(before, config, fields)) return before.snapshot;
  const snapshot: AccountSnapshot = { ...config, ...fields };
  lastSnapshots.set(runtime, { config, fields, snapshot });
  return snapshot;
}
