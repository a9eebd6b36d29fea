/**
 * One account's polling loop: one timer, at most one request in flight, every trigger
 * (timer, refresh, wake, back online) merged through that single guard. When to poll is
 * decided by schedule.ts; this file only keeps the state and the timer.
 */
import type { FetchFailure, FetchResult } from '../../shared/types.js';
import type { WakeReason } from './engine-api.js';
import type { Clock, Random, TimerHandle, Timers } from './ports.js';
import { inWakeGrace, nextDelay, type DelayReason } from './schedule.js';

/** Pressing "refresh" again this soon after a success does nothing. */
export const REFRESH_DEBOUNCE_MS = 5_000;
/** A timer this late means the machine slept without telling us (missed wake event). */
export const LATE_TIMER_MS = 120_000;
/** Node fires longer timeouts at once (32-bit overflow): a long Retry-After is re-armed in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface PollerOptions {
  clock: Clock;
  timers: Timers;
  random: Random;
  intervalMs: number;
  /**
   * Wait this long before the first poll (default none): spreads the first polls of many
   * accounts over their interval, so they do not all fire when the service starts.
   */
  firstPollDelayMs?: number;
  /** Must not throw; a rejection is reported as a network failure. */
  poll: (signal: AbortSignal) => Promise<FetchResult>;
  /**
   * Every result, except network failures in the grace period right after a wake, with the
   * failure streak it makes (0 after a success): the caller needs it with the result, not
   * read back out of the poller afterwards.
   */
  onResult: (result: FetchResult, failureStreak: number) => void;
  onSchedule?: (at: number | null, reason: DelayReason) => void;
  /** A timer fired far too late: the engine may want to log it. */
  onMissedWake?: (at: number) => void;
  /** onResult threw during a timed poll; polling goes on regardless. */
  onError?: (error: unknown) => void;
}

export interface PollerState {
  inFlight: boolean;
  nextAt: number | null;
  /** Why the last decision was made (also when nothing is scheduled). */
  reason: DelayReason | null;
  /** Number.POSITIVE_INFINITY: until resumed. */
  pausedUntil: number | null;
  failureStreak: number;
  lastSuccessAt: number | null;
  /** The last wake (or back online), for measuring staleness from it. */
  wokeAt: number | null;
  suspended: boolean;
  online: boolean;
}

export interface Poller {
  start(): void;
  stop(): Promise<void>;
  refresh(): Promise<void>;
  pause(durationMs: number | null): void;
  resume(): void;
  suspend(): void;
  wake(reason: WakeReason): void;
  setOnline(online: boolean): void;
  state(): PollerState;
}

export function createPoller(options: PollerOptions): Poller {
  const { clock, timers } = options;
  const intervalMs = options.intervalMs;
  let running = false;
  let timer: TimerHandle | null = null;
  let planned: { at: number; reason: DelayReason } | null = null;
  let lastReason: DelayReason | null = null;
  let inFlight: Promise<void> | null = null;
  let controller: AbortController | null = null;
  let lastResult: 'none' | 'ok' | 'failure' = 'none';
  let lastFailure: FetchFailure | undefined;
  let lastPollAt: number | null = null;
  let lastSuccessAt: number | null = null;
  let failureStreak = 0;
  let pausedUntil: number | null = null;
  let suspended = false;
  let online = true;
  let wokeAt: number | null = null;
  let firstPollAt: number | null = null;

  function clearTimer(): void {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    planned = null;
  }

  function schedule(): void {
    clearTimer();
    if (!running || inFlight) return;
    const now = clock.now();
    const decision = nextDelay({
      now,
      intervalMs,
      lastResult,
      lastFailure,
      lastPollAt,
      failureStreak,
      pausedUntil,
      suspended,
      online,
      wokeAt,
      random: options.random(),
      firstPollAt,
    });
    lastReason = decision.reason;
    if (decision.delayMs === null) {
      options.onSchedule?.(null, decision.reason);
      return;
    }
    planned = { at: now + decision.delayMs, reason: decision.reason };
    arm(decision.delayMs);
    options.onSchedule?.(planned.at, decision.reason);
  }

  function arm(delayMs: number): void {
    timer = timers.setTimeout(fire, Math.min(delayMs, MAX_TIMER_MS));
  }

  function fire(): void {
    const due = planned;
    timer = null;
    if (!due || !running) return;
    const now = clock.now();
    if (now < due.at) {
      arm(due.at - now);
      return;
    }
    planned = null;
    if (now - due.at > LATE_TIMER_MS) {
      // Timers stop while the machine sleeps; some Linux desktops send no resume event.
      wokeAt = now;
      suspended = false;
      options.onMissedWake?.(now);
      schedule();
      return;
    }
    if (due.reason === 'paused') {
      pausedUntil = null;
      schedule();
      return;
    }
    runPoll().catch((error: unknown) => options.onError?.(error));
  }

  function runPoll(): Promise<void> {
    if (inFlight) return inFlight;
    clearTimer();
    const abort = new AbortController();
    controller = abort;
    inFlight = (async () => {
      let result: FetchResult;
      try {
        // Called a microtask later so `inFlight` is set even if poll throws synchronously.
        result = await Promise.resolve().then(() => options.poll(abort.signal));
      } catch (error) {
        result = { ok: false, failure: thrown(error, clock.now()) };
      }
      controller = null;
      inFlight = null;
      if (!running) return;
      try {
        record(result);
      } finally {
        // A throwing listener must not end the loop.
        schedule();
      }
    })();
    return inFlight;
  }

  function record(result: FetchResult): void {
    const now = clock.now();
    lastPollAt = now;
    if (result.ok) {
      lastResult = 'ok';
      lastFailure = undefined;
      lastSuccessAt = now;
      failureStreak = 0;
    } else {
      lastResult = 'failure';
      lastFailure = result.failure;
      // Right after a wake the network is often not back yet: retry quietly, do not alarm.
      if (result.failure.kind === 'network' && inWakeGrace(now, wokeAt)) return;
      failureStreak += 1;
    }
    options.onResult(result, failureStreak);
  }

  return {
    start() {
      if (running) return;
      running = true;
      if (options.firstPollDelayMs !== undefined && lastResult === 'none') {
        firstPollAt = clock.now() + options.firstPollDelayMs;
      }
      schedule();
    },
    async stop() {
      running = false;
      clearTimer();
      controller?.abort();
      await inFlight;
    },
    refresh() {
      if (!running) return Promise.resolve();
      if (inFlight) return inFlight;
      if (lastSuccessAt !== null && clock.now() - lastSuccessAt < REFRESH_DEBOUNCE_MS) {
        return Promise.resolve();
      }
      return runPoll();
    },
    pause(durationMs) {
      pausedUntil = durationMs === null ? Number.POSITIVE_INFINITY : clock.now() + durationMs;
      schedule();
    },
    resume() {
      pausedUntil = null;
      schedule();
    },
    suspend() {
      suspended = true;
      schedule();
    },
    wake(reason) {
      suspended = false;
      if (reason === 'online') online = true;
      wokeAt = clock.now();
      schedule();
    },
    setOnline(next) {
      const cameBack = next && !online;
      online = next;
      if (cameBack) wokeAt = clock.now();
      schedule();
    },
    state() {
      return {
        inFlight: inFlight !== null,
        nextAt: planned?.at ?? null,
        reason: lastReason,
        pausedUntil,
        failureStreak,
        lastSuccessAt,
        wokeAt,
        suspended,
        online,
      };
    },
  };
}

function thrown(error: unknown, at: number): FetchFailure {
  // Only the error's class name: its message could quote a request body.
  const name = error instanceof Error ? error.name : typeof error;
  return { kind: 'network', reason: 'other', retryable: true, message: `poll failed: ${name}`, at };
}
