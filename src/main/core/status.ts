/**
 * One account's state for the tray and the window, from what the engine knows of it. The
 * last good reading survives errors: only the status says something is wrong.
 */
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
  lowMinor?: number;
  criticalMinor?: number;
}

/** A balance at or under a threshold counts as under it (the alerts use the same rule). */
export function isAtOrBelow(minorUnits: number, threshold: number | undefined): boolean {
  return threshold !== undefined && minorUnits <= threshold;
}

export function isStale(
  input: Pick<StatusInput, 'lastSuccessAt' | 'lastReading' | 'wokeAt' | 'now' | 'intervalMs'>,
): boolean {
  const success = input.lastSuccessAt ?? input.lastReading?.fetchedAt ?? null;
  if (success === null) return false;
  const from = Math.max(success, input.wokeAt ?? success);
  return input.now - from > 2 * input.intervalMs + STALE_GRACE_MS;
}

export function accountStatus(input: StatusInput): AccountStatus {
  if (!input.enabled || !input.hasSecret) return 'unconfigured';
  if (input.pausedUntil !== null && input.pausedUntil > input.now) return 'paused';
  const failing = input.failureStreak > 0 && input.lastFailure !== null;
  // Without a reading, the first poll is due or under way (in flight or not, the same to the user).
  if (input.lastReading === null) return failing ? 'error' : 'loading';
  if (failing && (input.failureStreak >= ERROR_STREAK || input.lastFailure?.auth === true)) return 'error';
  if (isStale(input)) return 'stale';
  const balance = input.lastReading.minorUnits;
  // Nothing left is an emergency whatever the thresholds say (or if none is set): tray, window,
  // CLI and serve all take the status from here, so they agree.
  if (balance <= 0 || isAtOrBelow(balance, input.criticalMinor)) return 'critical';
  if (isAtOrBelow(balance, input.lowMinor)) return 'low';
  return 'ok';
}
