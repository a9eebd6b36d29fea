/**
 * When to poll next, as a pure function of the moment, the last result and the power and
 * network state, so every rule is a row in a table test and the poller logs the reason.
 */
import type { NextCheckReason } from '../../shared/types.js';
import type { FetchFailure } from '../../shared/types.js';

export interface DelayInput {
  now: number;
  intervalMs: number;
  lastResult: 'none' | 'ok' | 'failure';
  lastFailure?: FetchFailure;
  /** When the last poll finished; delays count from it. Absent: from now. */
  lastPollAt?: number | null;
  failureStreak: number;
  /** Number.POSITIVE_INFINITY: until resumed. */
  pausedUntil: number | null;
  suspended: boolean;
  online: boolean;
  /** A recent wake from sleep (or back online): poll soon. */
  wokeAt: number | null;
  /** In [0, 1), for the jitter. */
  random: number;
  /** When the first poll is due, if it was spread over the interval; absent: at once. */
  firstPollAt?: number | null;
}

/** Declared in shared/types.ts: the snapshot carries it to the UI as nextCheckReason. */
export type DelayReason = NextCheckReason;

/** delayMs null: schedule nothing until something changes (resume, wake, back online). */
export interface DelayDecision {
  delayMs: number | null;
  reason: DelayReason;
}

export const JITTER_RATIO = 0.1;
export const FIRST_BACKOFF_MS = 30_000;
/** The network usually needs a moment after a wake before DNS and routes work. */
export const WAKE_DELAY_MS = 2_000;
export const WAKE_RETRY_MS = 5_000;
/** How long after a wake network failures count as "not up yet" rather than failures. */
export const WAKE_GRACE_MS = 60_000;

export function inWakeGrace(now: number, wokeAt: number | null): boolean {
  return wokeAt !== null && now >= wokeAt && now - wokeAt < WAKE_GRACE_MS;
}

export function nextDelay(input: DelayInput): DelayDecision {
  const { now } = input;
  if (input.suspended) return { delayMs: null, reason: 'suspended' };
  if (input.pausedUntil !== null && input.pausedUntil > now) {
    const until = input.pausedUntil;
    return { delayMs: Number.isFinite(until) ? until - now : null, reason: 'paused' };
  }
  if (!input.online) return { delayMs: null, reason: 'offline' };
  if (input.lastResult === 'none') {
    return { delayMs: Math.max(0, (input.firstPollAt ?? now) - now), reason: 'first-poll' };
  }

  const since = input.lastPollAt ?? now;
  const after = (ms: number, reason: DelayReason): DelayDecision => ({
    delayMs: Math.max(0, Math.round(since + ms - now)),
    reason,
  });

  if (input.wokeAt !== null && since < input.wokeAt && inWakeGrace(now, input.wokeAt)) {
    return { delayMs: Math.max(0, input.wokeAt + WAKE_DELAY_MS - now), reason: 'wake' };
  }
  if (input.lastResult === 'ok') {
    const jitter = 1 + (input.random * 2 - 1) * JITTER_RATIO;
    return after(input.intervalMs * jitter, 'interval');
  }
  return afterFailure(input, after);
}

function afterFailure(input: DelayInput, after: (ms: number, reason: DelayReason) => DelayDecision): DelayDecision {
  const failure = input.lastFailure;
  const retryAfter = failure?.retryAfterMs ?? 0;
  let planned: DelayDecision;
  if (failure?.auth) {
    planned = after(input.intervalMs, 'auth-backoff');
  } else if (failure?.kind === 'network' && inWakeGrace(input.now, input.wokeAt)) {
    planned = after(WAKE_RETRY_MS, 'wake');
  } else {
    const exponent = Math.max(0, input.failureStreak - 1);
    // Capped before doubling further so a long outage cannot overflow to Infinity.
    const backoff = Math.min(input.intervalMs, FIRST_BACKOFF_MS * 2 ** Math.min(exponent, 30));
    planned = after(backoff, 'backoff');
  }
  const honoured = after(retryAfter, 'retry-after');
  return (honoured.delayMs ?? 0) > (planned.delayMs ?? 0) ? honoured : planned;
}
