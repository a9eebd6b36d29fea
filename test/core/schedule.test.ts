import { describe, expect, it } from 'vitest';
import { nextDelay, type DelayInput } from '../../src/main/core/schedule.js';
import type { FetchFailure } from '../../src/shared/types.js';

const NOW = 1_000_000_000;
const MIN = 60_000;

const base: DelayInput = {
  now: NOW,
  intervalMs: 5 * MIN,
  lastResult: 'ok',
  lastPollAt: NOW,
  failureStreak: 0,
  pausedUntil: null,
  suspended: false,
  online: true,
  wokeAt: null,
  random: 0.5,
};

function failure(extra: Partial<FetchFailure> = {}): FetchFailure {
  return { kind: 'http', status: 503, retryable: true, message: 'unavailable', at: NOW, ...extra };
}

const network = failure({ kind: 'network', reason: 'dns', status: undefined });

const table: Array<[string, Partial<DelayInput>, number | null, string]> = [
  ['first poll at once', { lastResult: 'none', lastPollAt: null }, 0, 'first-poll'],
  ['interval, no jitter at random 0.5', {}, 5 * MIN, 'interval'],
  ['interval -10% at random 0', { random: 0 }, 4.5 * MIN, 'interval'],
  ['interval just under +10% at random 0.999', { random: 0.999 }, Math.round(5 * MIN * 1.0998), 'interval'],
  ['interval counted from the last poll', { lastPollAt: NOW - MIN }, 4 * MIN, 'interval'],
  ['overdue interval: at once', { lastPollAt: NOW - 10 * MIN }, 0, 'interval'],
  ['1st failure: 30 s', { lastResult: 'failure', lastFailure: failure(), failureStreak: 1 }, 30_000, 'backoff'],
  ['2nd failure: 60 s', { lastResult: 'failure', lastFailure: failure(), failureStreak: 2 }, 60_000, 'backoff'],
  ['4th failure: 240 s', { lastResult: 'failure', lastFailure: failure(), failureStreak: 4 }, 240_000, 'backoff'],
  [
    '5th failure: capped at the interval',
    { lastResult: 'failure', lastFailure: failure(), failureStreak: 5 },
    5 * MIN,
    'backoff',
  ],
  [
    '500th failure: still the interval',
    { lastResult: 'failure', lastFailure: failure(), failureStreak: 500 },
    5 * MIN,
    'backoff',
  ],
  [
    'Retry-After longer than the backoff wins',
    { lastResult: 'failure', lastFailure: failure({ status: 429, retryAfterMs: 120_000 }), failureStreak: 1 },
    120_000,
    'retry-after',
  ],
  [
    'Retry-After longer than the interval still wins',
    { lastResult: 'failure', lastFailure: failure({ status: 429, retryAfterMs: 900_000 }), failureStreak: 9 },
    900_000,
    'retry-after',
  ],
  [
    'Retry-After shorter than the backoff: backoff',
    { lastResult: 'failure', lastFailure: failure({ retryAfterMs: 10_000 }), failureStreak: 2 },
    60_000,
    'backoff',
  ],
  [
    'auth failure: the full interval at once',
    {
      lastResult: 'failure',
      lastFailure: failure({ kind: 'api', code: '401', auth: true, retryable: false }),
      failureStreak: 1,
    },
    5 * MIN,
    'auth-backoff',
  ],
  ['paused for 10 min: wait until then', { pausedUntil: NOW + 10 * MIN }, 10 * MIN, 'paused'],
  ['paused until resumed: nothing', { pausedUntil: Number.POSITIVE_INFINITY }, null, 'paused'],
  ['pause already over: normal', { pausedUntil: NOW - 1 }, 5 * MIN, 'interval'],
  ['paused before the first poll', { lastResult: 'none', pausedUntil: NOW + MIN }, MIN, 'paused'],
  ['suspended: nothing', { suspended: true }, null, 'suspended'],
  ['suspended beats paused', { suspended: true, pausedUntil: NOW + MIN }, null, 'suspended'],
  ['offline: nothing', { online: false }, null, 'offline'],
  ['offline before the first poll', { lastResult: 'none', online: false }, null, 'offline'],
  ['just woke, last poll before: 2 s', { wokeAt: NOW, lastPollAt: NOW - 3 * MIN }, 2_000, 'wake'],
  ['woke 1 s ago: 1 s left', { wokeAt: NOW - 1_000, lastPollAt: NOW - 3 * MIN }, 1_000, 'wake'],
  ['woke, then polled fine: interval', { wokeAt: NOW - 5_000, lastPollAt: NOW }, 5 * MIN, 'interval'],
  [
    'network failure 20 s after wake: 5 s retry',
    { wokeAt: NOW - 20_000, lastResult: 'failure', lastFailure: network, failureStreak: 0 },
    5_000,
    'wake',
  ],
  [
    'network failure 61 s after wake: normal backoff',
    { wokeAt: NOW - 61_000, lastResult: 'failure', lastFailure: network, failureStreak: 1 },
    30_000,
    'backoff',
  ],
  [
    'HTTP failure after wake: normal backoff',
    { wokeAt: NOW - 20_000, lastResult: 'failure', lastFailure: failure(), failureStreak: 2 },
    60_000,
    'backoff',
  ],
  [
    'wake retry still honours Retry-After',
    {
      wokeAt: NOW - 20_000,
      lastResult: 'failure',
      lastFailure: { ...network, retryAfterMs: 15_000 },
      failureStreak: 0,
    },
    15_000,
    'retry-after',
  ],
  ['no lastPollAt: counted from now', { lastPollAt: undefined }, 5 * MIN, 'interval'],
];

describe('nextDelay', () => {
  it.each(table)('%s', (_name, patch, delayMs, reason) => {
    expect(nextDelay({ ...base, ...patch })).toEqual({ delayMs, reason });
  });

  it('keeps the jitter within ±10% over the whole random range', () => {
    for (let i = 0; i < 1000; i++) {
      const { delayMs } = nextDelay({ ...base, random: i / 1000 });
      expect(delayMs).toBeGreaterThanOrEqual(4.5 * MIN);
      expect(delayMs).toBeLessThan(5.5 * MIN);
    }
  });
});
