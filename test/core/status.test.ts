import { describe, expect, it } from 'vitest';
import { accountStatus, type StatusInput } from '../../src/main/core/status.js';
import type { FetchFailure, Reading } from '../../src/shared/types.js';
import { cents } from '../helpers/money.js';

const NOW = 1_000_000_000;
const INTERVAL = 300_000;
/** 2 × interval + 60 s. */
const STALE_AFTER = 2 * INTERVAL + 60_000;

const reading = (minorUnits: number, fetchedAt = NOW): Reading => ({
  currency: 'USD',
  balance: cents(minorUnits),
  fetchedAt,
});
const failure: FetchFailure = { kind: 'http', status: 503, retryable: true, message: 'down', at: NOW };
const authFailure: FetchFailure = {
  kind: 'api',
  code: '1001',
  auth: true,
  retryable: false,
  message: 'bad sign',
  at: NOW,
};

const base: StatusInput = {
  enabled: true,
  hasSecret: true,
  lastReading: reading(50_000),
  lastFailure: null,
  lastSuccessAt: NOW,
  failureStreak: 0,
  pausedUntil: null,
  now: NOW,
  intervalMs: INTERVAL,
  wokeAt: null,
  low: '100.00',
  critical: '20.00',
};

const table: Array<[string, Partial<StatusInput>, string]> = [
  ['healthy', {}, 'ok'],
  ['no thresholds', { low: undefined, critical: undefined, lastReading: reading(1) }, 'ok'],
  ['zero without thresholds: critical', { low: undefined, critical: undefined, lastReading: reading(0) }, 'critical'],
  [
    'overdrawn without thresholds: critical',
    { low: undefined, critical: undefined, lastReading: reading(-1) },
    'critical',
  ],
  [
    'zero under a negative critical threshold: still critical',
    { low: '-1.00', critical: '-2.00', lastReading: reading(0) },
    'critical',
  ],
  [
    'a thousandth above zero is not zero',
    { low: undefined, critical: undefined, lastReading: { ...reading(0), balance: '0.001' } },
    'ok',
  ],
  ['disabled', { enabled: false }, 'unconfigured'],
  ['no secret', { hasSecret: false }, 'unconfigured'],
  ['no secret beats paused', { hasSecret: false, pausedUntil: NOW + 1 }, 'unconfigured'],
  ['paused for a while', { pausedUntil: NOW + 1 }, 'paused'],
  ['paused until resumed', { pausedUntil: Number.POSITIVE_INFINITY }, 'paused'],
  ['pause over', { pausedUntil: NOW }, 'ok'],
  ['paused beats critical', { pausedUntil: NOW + 1, lastReading: reading(0) }, 'paused'],
  ['first poll pending', { lastReading: null, lastSuccessAt: null }, 'loading'],
  ['first poll failed', { lastReading: null, lastSuccessAt: null, lastFailure: failure, failureStreak: 1 }, 'error'],
  ['one failure keeps the reading', { lastFailure: failure, failureStreak: 1 }, 'ok'],
  ['two failures keep the reading', { lastFailure: failure, failureStreak: 2 }, 'ok'],
  ['three failures: error', { lastFailure: failure, failureStreak: 3 }, 'error'],
  ['auth failure: error at once', { lastFailure: authFailure, failureStreak: 1 }, 'error'],
  ['error beats critical', { lastFailure: failure, failureStreak: 3, lastReading: reading(0) }, 'error'],
  ['exactly at the stale limit: fresh', { lastSuccessAt: NOW - STALE_AFTER }, 'ok'],
  ['1 ms past the stale limit: stale', { lastSuccessAt: NOW - STALE_AFTER - 1 }, 'stale'],
  ['stale beats low', { lastSuccessAt: NOW - STALE_AFTER - 1, lastReading: reading(5_000) }, 'stale'],
  ['old success but woke recently: fresh', { lastSuccessAt: NOW - 10 * STALE_AFTER, wokeAt: NOW - 60_000 }, 'ok'],
  ['woke long ago: stale', { lastSuccessAt: NOW - 10 * STALE_AFTER, wokeAt: NOW - STALE_AFTER - 1 }, 'stale'],
  [
    'no lastSuccessAt: the reading time counts',
    { lastSuccessAt: null, lastReading: reading(50_000, NOW - STALE_AFTER - 1) },
    'stale',
  ],
  ['just above low', { lastReading: reading(10_001) }, 'ok'],
  ['at low', { lastReading: reading(10_000) }, 'low'],
  ['between critical and low', { lastReading: reading(2_001) }, 'low'],
  ['at critical', { lastReading: reading(2_000) }, 'critical'],
  ['negative balance', { lastReading: reading(-500) }, 'critical'],
  ['only low set, below it', { critical: undefined, lastReading: reading(1) }, 'low'],
  ['only low set, at zero: critical', { critical: undefined, lastReading: reading(0) }, 'critical'],
  ['three decimals just under low', { lastReading: { ...reading(0), balance: '99.999' } }, 'low'],
  [
    'beyond 2^53 cents, one cent above low',
    { low: '90071992547409.92', lastReading: { ...reading(0), balance: '90071992547409.93' } },
    'ok',
  ],
  ['only critical set, below it', { low: undefined, lastReading: reading(0) }, 'critical'],
];

describe('accountStatus', () => {
  it.each(table)('%s', (_name, patch, expected) => {
    expect(accountStatus({ ...base, ...patch })).toBe(expected);
  });
});
