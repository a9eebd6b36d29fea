/** An account snapshot with plausible defaults, for tests that build engine state by hand. */
import type { AccountSnapshot } from '../../src/shared/types.js';

export function account(partial: Partial<AccountSnapshot> & { id: string }): AccountSnapshot {
  return {
    label: partial.id,
    appkey: `key-${partial.id}`,
    baseUrl: 'http://127.0.0.1:1',
    pollIntervalSec: 300,
    enabled: true,
    hasSecret: true,
    secretSessionOnly: false,
    status: 'loading',
    lastReading: null,
    lastFailure: null,
    failureStreak: 0,
    nextCheckAt: null,
    nextCheckReason: null,
    pausedUntil: null,
    forecast: null,
    ...partial,
  };
}
