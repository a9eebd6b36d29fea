/**
 * Saves each account's alert state after its notices went out, and keeps trying when the
 * disk refuses (full, read-only, locked by a scanner on Windows). The engine holds the
 * state in memory regardless, so a failed save neither loses a notice (it was delivered
 * first) nor repeats one (memory says it was sent); the file catches up when the disk
 * recovers: on the next retry timer, the next poll, or at stop.
 */
import type { StateStore, TimerHandle, Timers } from '../ports.js';

export const RETRY_FIRST_MS = 5_000;
export const RETRY_MAX_MS = 300_000;

export interface StateKeeperDeps {
  store: StateStore;
  timers: Timers;
  /** A save failed (first failure of a run of them) or recovered; the cause carries the errno code. */
  onError: (accountId: string, error: unknown) => void;
  onRecovered?: (accountId: string) => void;
}

export interface StateKeeper {
  /** Remembers the state and writes it when it differs from what is on disk. */
  save(accountId: string, alerts: unknown): void;
  /**
   * The state as read from the files at load: saving the same again writes nothing (after
   * a restart a thousand accounts would otherwise each fsync an unchanged file at their
   * first poll, on the event loop). Ignored while a write of the account is pending.
   */
  loaded(accountId: string, alerts: unknown): void;
  /** Retries every pending write now (called on each poll). */
  retry(): void;
  /** The account is gone: never write its state again. */
  forget(accountId: string): void;
  /** The state as last saved or pending, for an account loaded again. */
  pending(accountId: string): unknown;
  /** One last attempt; stops the retry timer. */
  stop(): void;
}

export function createStateKeeper(deps: StateKeeperDeps): StateKeeper {
  const written = new Map<string, string>();
  const waiting = new Map<string, unknown>();
  const failing = new Set<string>();
  let timer: TimerHandle | null = null;
  let delay = RETRY_FIRST_MS;
  let stopped = false;

  function attempt(accountId: string): void {
    const alerts = waiting.get(accountId);
    try {
      deps.store.write(accountId, alerts);
    } catch (error) {
      if (!failing.has(accountId)) deps.onError(accountId, error);
      failing.add(accountId);
      return;
    }
    waiting.delete(accountId);
    written.set(accountId, JSON.stringify(alerts));
    if (failing.delete(accountId)) deps.onRecovered?.(accountId);
  }

  function schedule(): void {
    if (timer !== null || stopped || waiting.size === 0) return;
    timer = deps.timers.setTimeout(() => {
      timer = null;
      retryAll();
      delay = waiting.size === 0 ? RETRY_FIRST_MS : Math.min(delay * 2, RETRY_MAX_MS);
      schedule();
    }, delay);
  }

  function retryAll(): void {
    for (const accountId of [...waiting.keys()]) attempt(accountId);
  }

  return {
    save(accountId, alerts) {
      const text = JSON.stringify(alerts);
      if (!waiting.has(accountId) && written.get(accountId) === text) return;
      waiting.set(accountId, structuredClone(alerts));
      attempt(accountId);
      schedule();
    },
    loaded(accountId, alerts) {
      if (!waiting.has(accountId)) written.set(accountId, JSON.stringify(alerts));
    },
    retry() {
      retryAll();
      if (waiting.size === 0 && timer !== null) {
        deps.timers.clearTimeout(timer);
        timer = null;
        delay = RETRY_FIRST_MS;
      }
    },
    forget(accountId) {
      waiting.delete(accountId);
      written.delete(accountId);
      failing.delete(accountId);
    },
    pending(accountId) {
      return waiting.has(accountId) ? structuredClone(waiting.get(accountId)) : undefined;
    },
    stop() {
      stopped = true;
      if (timer !== null) deps.timers.clearTimeout(timer);
      timer = null;
      retryAll();
    },
  };
}
