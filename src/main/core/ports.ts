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

// The one place in core that touches the real clock and timers: production passes these in,
// tests pass fake time. Everything else in core and shared is refused them by lint.
/* eslint-disable no-restricted-globals, no-restricted-properties */
export const systemClock: Clock = { now: () => Date.now() };

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
/* eslint-enable no-restricted-globals, no-restricted-properties */

/** The signed balance call, as the engine needs it (the undici client implements it). */
export type FetchBalance = (
  account: { baseUrl: string; appkey: string },
  secret: string,
  options?: { signal?: AbortSignal },
) => Promise<import('../../shared/types.js').FetchResult>;

/**
 * Where account secrets live: the OS keychain in production (the one file importing keytar),
 * an in-memory map in tests. `set` replaces an existing entry in place: deleting and
 * recreating a keychain item loses the user's "Always allow" grant on macOS.
 */
export interface SecretStore {
  get(accountId: string): Promise<string | null>;
  set(accountId: string, secret: string): Promise<void>;
  /** true when an entry existed. */
  delete(accountId: string): Promise<boolean>;
}

/** The settings file as raw JSON: conf in plain Node, electron-store inside Electron. */
export interface DocumentStore {
  /** The parsed document, undefined when there is no file yet; throws on unreadable JSON. */
  read(): unknown;
  write(document: unknown): void;
  /** The file's absolute path, for messages and for setting a corrupt file aside. */
  readonly path: string;
}
