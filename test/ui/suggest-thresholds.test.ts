import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { suggestThresholds } from '../../src/renderer/suggest-thresholds.js';
import { compareAmounts } from '../../src/shared/money.js';
import { cents } from '../helpers/money.js';

describe('suggested thresholds', () => {
  it.each([
    [123_456, { low: '200.00', critical: '100.00' }],
    [54_870, { low: '100.00', critical: '50.00' }],
    [1_000_000, { low: '2000.00', critical: '1000.00' }],
    [2_500, { low: '5.00', critical: '2.00' }],
  ])('balance %i minor units', (balance, expected) => {
    expect(suggestThresholds(cents(balance))).toEqual(expected);
  });

  it('offers nothing for a balance too small or not positive', () => {
    expect(suggestThresholds('9.00')).toBeNull();
    expect(suggestThresholds('0.00')).toBeNull();
    expect(suggestThresholds('-50.00')).toBeNull();
  });

  it('always suggests critical below low, both under the balance, as whole units', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e14 }), (balance) => {
        const suggested = suggestThresholds(cents(balance));
        if (!suggested) return;
        expect(compareAmounts(suggested.critical, suggested.low)).toBe(-1);
        expect(compareAmounts(suggested.low, cents(balance))).toBe(-1);
        expect(suggested.critical).toMatch(/\.00$/);
      }),
    );
  });
});
