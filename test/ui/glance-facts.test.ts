import { describe, expect, it } from 'vitest';
import { credentialsRejected, isDimmed, outlook, thresholdDistance } from '../../src/renderer/glance-facts.js';
import type { Reading } from '../../src/shared/types.js';
import { cents } from '../helpers/money.js';

const reading = (minorUnits: number): Reading => ({ currency: 'EUR', balance: cents(minorUnits), fetchedAt: 0 });

describe('distance to the next threshold', () => {
  const thresholds = { lowThreshold: '100.00', criticalThreshold: '20.00' };
  it.each([
    [1_840, { kind: 'underCritical', amount: '1.60' }],
    [2_000, { kind: 'underCritical', amount: '0.00' }],
    [8_410, { kind: 'underLow', amount: '15.90' }],
    [12_000, { kind: 'aboveLow', amount: '20.00' }],
    [0, { kind: 'nothingLeft', amount: '0.00' }],
    [-500, { kind: 'nothingLeft', amount: '0.00' }],
  ])('balance %i', (minor, expected) => {
    expect(thresholdDistance({ lastReading: reading(minor), ...thresholds })).toEqual(expected);
  });

  it('uses whichever threshold is set, and says nothing without one', () => {
    expect(thresholdDistance({ lastReading: reading(5_000), criticalThreshold: '20' })).toEqual({
      kind: 'aboveCritical',
      amount: '30.00',
    });
    expect(thresholdDistance({ lastReading: reading(5_000) })).toBeNull();
    expect(thresholdDistance({ lastReading: null, ...thresholds })).toBeNull();
  });
});

describe('outlook, dimming and rejected credentials', () => {
  it('days left only while spending', () => {
    const forecast = { spendPerDay: 1, daysUntilEmpty: 2.4, daysUntilLow: 0 };
    expect(outlook({ lastReading: reading(1), forecast })).toEqual({ kind: 'days', days: 2.4 });
    expect(outlook({ lastReading: reading(1), forecast: { ...forecast, spendPerDay: 0 } })).toEqual({
      kind: 'notSpending',
    });
    expect(outlook({ lastReading: reading(1), forecast: null })).toBeNull();
  });

  it('dims a stale or failing figure, never a fresh one', () => {
    expect(isDimmed({ status: 'stale', lastReading: reading(1) })).toBe(true);
    expect(isDimmed({ status: 'error', lastReading: reading(1) })).toBe(true);
    expect(isDimmed({ status: 'low', lastReading: reading(1) })).toBe(false);
    expect(isDimmed({ status: 'error', lastReading: null })).toBe(false);
  });

  it('knows rejected credentials from other failures', () => {
    const failure = { kind: 'api' as const, retryable: false, message: '', at: 0 };
    expect(credentialsRejected({ status: 'error', lastFailure: { ...failure, auth: true } })).toBe(true);
    expect(credentialsRejected({ status: 'error', lastFailure: failure })).toBe(false);
    expect(credentialsRejected({ status: 'ok', lastFailure: { ...failure, auth: true } })).toBe(false);
  });
});
