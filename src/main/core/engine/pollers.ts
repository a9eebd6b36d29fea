/**
 * Starts, stops and restarts each account's poller, and wakes the listeners when a reading
 * turns stale (staleness arrives with time, not with an event). What a result means is the
 * engine's business (`onResult`); this part only runs the loops.
 */
import type { FetchResult } from '../../../shared/types.js';
import type { AccountRuntime } from '../account-runtime.js';
import type { EngineDeps } from '../engine-api.js';
import { createPoller } from '../poller.js';
import type { TimerHandle } from '../ports.js';
import { staleAt } from '../status.js';

export interface PollersDeps {
  deps: EngineDeps;
  isRunning(): boolean;
  /** Is this runtime still the engine's (not removed or replaced meanwhile)? */
  isCurrent(runtime: AccountRuntime): boolean;
  changed(): void;
  onResult(runtime: AccountRuntime, result: FetchResult, failureStreak: number): void;
  onError(runtime: AccountRuntime, error: unknown): void;
}

export interface Pollers {
  /** spread: the first poll at a random point of the interval (the engine's start only). */
  start(runtime: AccountRuntime, options?: { spread?: boolean }): void;
  stop(runtime: AccountRuntime): Promise<void>;
  restart(runtime: AccountRuntime): Promise<void>;
  watchStaleness(runtime: AccountRuntime): void;
  forget(runtime: AccountRuntime): void;
  stopAll(runtimes: Iterable<AccountRuntime>): Promise<void>;
}

export function createPollers(parts: PollersDeps): Pollers {
  const { deps } = parts;
  const { clock, timers } = deps;
  const staleTimers = new Map<AccountRuntime, TimerHandle>();

  function forget(runtime: AccountRuntime): void {
    const handle = staleTimers.get(runtime);
    if (handle) timers.clearTimeout(handle);
    staleTimers.delete(runtime);
  }

  function watchStaleness(runtime: AccountRuntime): void {
    forget(runtime);
    if (!parts.isRunning() || !runtime.lastReading) return;
    const state = runtime.poller?.state();
    const dueAt = staleAt({
      lastSuccessAt: state?.lastSuccessAt ?? runtime.lastReading.fetchedAt,
      wokeAt: state?.wokeAt ?? null,
      intervalMs: runtime.config.pollIntervalSec * 1000,
    });
    if (dueAt === null) return;
    const handle = timers.setTimeout(
      () => {
        staleTimers.delete(runtime);
        parts.changed();
      },
      Math.max(0, dueAt + 1 - clock.now()),
    );
    staleTimers.set(runtime, handle);
  }

  function start(runtime: AccountRuntime, options: { spread?: boolean } = {}): void {
    const { config } = runtime;
    if (!parts.isRunning() || !config.enabled || !runtime.hasSecret) return;
    const intervalMs = config.pollIntervalSec * 1000;
    const { limiter } = deps;
    // Read from the keychain once per poller, not on every poll: setSecret and removeSecret
    // restart or stop the poller. Another process (`accounts set-secret`) changes the entry
    // without telling this one, so a rejected secret is read again before the next poll.
    let secret: string | null = null;
    const poller = createPoller({
      clock,
      timers,
      random: deps.random,
      intervalMs,
      // Only an account with a reading to show meanwhile waits: a new one is wanted now.
      ...(options.spread && runtime.lastReading !== null
        ? { firstPollDelayMs: Math.floor(deps.random() * intervalMs) }
        : {}),
      poll: async (signal) => {
        secret ??= await deps.secrets.get({ id: config.id, label: config.label });
        if (secret === null) {
          return {
            ok: false,
            failure: {
              kind: 'api',
              code: 'NO_SECRET',
              auth: true,
              retryable: false,
              message: 'No secret is stored for this account',
              at: clock.now(),
            },
          };
        }
        const known = secret;
        const fetch = () => deps.fetchBalance(config, known, { signal });
        const result = await (limiter ? limiter.run(fetch, signal) : fetch());
        if (!result.ok && result.failure.auth) secret = null;
        return result;
      },
      onResult: (result, failureStreak) => {
        if (parts.isCurrent(runtime)) parts.onResult(runtime, result, failureStreak);
      },
      onSchedule: () => {
        // A wake moves the staleness deadline: it counts from the wake, not the last poll.
        watchStaleness(runtime);
        parts.changed();
      },
      onMissedWake: () => deps.log?.(`account ${config.label}: timer fired late, treating it as a wake`),
      onError: (error) => parts.onError(runtime, error),
    });
    runtime.poller = poller;
    poller.start();
  }

  async function stop(runtime: AccountRuntime): Promise<void> {
    const poller = runtime.poller;
    runtime.poller = null;
    forget(runtime);
    await poller?.stop();
  }

  return {
    start,
    stop,
    async restart(runtime) {
      await stop(runtime);
      start(runtime);
      watchStaleness(runtime);
      parts.changed();
    },
    watchStaleness,
    forget,
    async stopAll(runtimes) {
      await Promise.all([...runtimes].map(stop));
    },
  };
}
