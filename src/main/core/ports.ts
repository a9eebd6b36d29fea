/**
 * The outside world as the core sees it. Production passes Node's timers and Date; tests
 * pass fake time. Nothing in the core reaches for a global instead.
 */
import type { Notice } from '../../shared/types.js';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export type TimerHandle = { readonly __timer: unique symbol } | object;

export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** A source of randomness in [0, 1): jitter and nonces, seedable in tests. */
export type Random = () => number;

export interface Notifier {
  notify(notice: Notice): void;
}

export const systemClock: Clock = { now: () => Date.now() };

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
