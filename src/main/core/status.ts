/**
 * One account's state for the tray and the window, from what the engine knows of it. The
 * last good reading survives errors: only the status says something is wrong.
 */
import { compareAmounts } from '../../shared/money.js';
import type { AccountStatus, FetchFailure, Reading } from '../../shared/types.js';

export const ERROR_STREAK = 3;
export const STALE_GRACE_MS = 60_000;

export interface StatusInput {
  enabled: boolean;
  hasSecret: boolean;
  lastReading: Reading | null;
  lastFailure: FetchFailure | null;
  lastSuccessAt: number | null;
  failureStreak: number;
  /** Number.POSITIVE_INFINITY: until resumed. */
  pausedUntil: number | null;
  now: number;
  intervalMs: number;
  /** Staleness counts from a wake: the machine could not poll while asleep. */
  wokeAt: number | null;
  /** Decimal strings, compared exactly with the balance. */
  low?: string;
  critical?: string;
}

/** A balance at or under a threshold counts as under it (the alerts use the same rule). */
export function isAtOrBelow(balance: string, threshold: string | undefined): boolean {
  return threshold !== undefined && compareAmounts(balance, threshold) <= 0;
}

/**
 * When a reading turns stale: two missed polls and a grace period after the last success,
 * or after the last wake, whichever is later (a sleeping machine could not poll). The one
 * place this is computed: the status below and the engine's wake-up timer both use it.
 */
export function staleAt(input: {
  lastSuccessAt: number | null;
  wokeAt: number | null;
  intervalMs: number;
}): number | null {
  const success = input.lastSuccessAt;
  if (success === null) return null;
  const from = Math.max(success, input.wokeAt ?? success);
  return from + 2 * input.intervalMs + STALE_GRACE_MS;
}

export function isStale(
  input: Pick<StatusInput, 'lastSuccessAt' | 'lastReading' | 'wokeAt' | 'now' | 'intervalMs'>,
): boolean {
  const at = staleAt({
    lastSuccessAt: input.lastSuccessAt ?? input.lastReading?.fetchedAt ?? null,
    wokeAt: input.wokeAt,
    intervalMs: input.intervalMs,
  });
  return at !== null && input.now > at;
}

export function accountStatus(input: StatusInput): AccountStatus {
  if (!input.enabled || !input.hasSecret) return 'unconfigured';
  if (input.pausedUntil !== null && input.pausedUntil > input.now) return 'paused';
  const failing = input.failureStreak > 0 && input.lastFailure !== null;
  // Without a reading, the first poll is due or under way (in flight or not, the same to the user).
  if (input.lastReading === null) return failing ? 'error' : 'loading';
  if (failing && (input.failureStreak >= ERROR_STREAK || input.lastFailure?.auth === true)) return 'error';
  if (isStale(input)) return 'stale';
  const balance = input.lastReading.balance;
  // Nothing left is an emergency whatever the thresholds say (or if none is set): tray, window,
  // CLI and serve all take the status from here, so they agree.
  if (compareAmounts(balance, '0') <= 0 || isAtOrBelow(balance, input.critical)) return 'critical';
  if (isAtOrBelow(balance, input.low)) return 'low';
  return 'ok';
}
