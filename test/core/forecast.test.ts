import { describe, expect, it } from 'vitest';
import { DAY_MS, forecast } from '../../src/main/core/forecast.js';
import type { HistoryEntry } from '../../src/shared/types.js';
import { cents } from '../helpers/money.js';

/** The estimated spend per day in cents, for comparison with hand-computed fits. */
const centsPerDay = (result: { spendPerDay: number } | null | undefined): number => (result?.spendPerDay ?? NaN) * 100;

const T0 = Date.UTC(2025, 5, 1);
const day = (d: number) => T0 + d * DAY_MS;

/** An entry seen from day `from` to day `to` (a single observation when `to` is omitted); amounts in cents. */
const entry = (minorUnits: number, from: number, to = from, topUp?: boolean): HistoryEntry => ({
  firstAt: day(from),
  lastAt: day(to),
  balance: cents(minorUnits),
  currency: 'USD',
  ...(topUp ? { topUp } : {}),
});

describe('forecast: hand-computed fits', () => {
  it('single observations on a straight line: the exact slope', () => {
    // 10.00, 9.00, 8.00, 7.00 on days 0..3: 100 per day; 7.00 left -> 7 days; low 2.00 -> 5 days.
    const entries = [entry(1000, 0), entry(900, 1), entry(800, 2), entry(700, 3)];
    const result = forecast(entries, day(3), cents(200));
    expect(centsPerDay(result)).toBeCloseTo(100, 0);
    expect(result?.daysUntilEmpty).toBeCloseTo(7, 9);
    expect(result?.daysUntilLow).toBeCloseTo(5, 9);
  });

  it('a staircase of held balances: the fit through both ends of every step', () => {
    // Points (0,400) (1,400) (1,300) (2,300) (2,200) (3,200) (3,100) (4,100), t in days:
    // mean t 2, mean v 250, Sxx 12, Sxy -1000, slope -1000/12 = -83.33 per day.
    const entries = [entry(400, 0, 1), entry(300, 1, 2), entry(200, 2, 3), entry(100, 3, 4)];
    const result = forecast(entries, day(4), cents(50));
    expect(centsPerDay(result)).toBeCloseTo(83, 0);
    expect(result?.daysUntilEmpty).toBeCloseTo(100 / (1000 / 12), 9); // 1.2
    expect(result?.daysUntilLow).toBeCloseTo(50 / (1000 / 12), 9); // 0.6
  });

  it('a top-up splits the line: both segments share the slope', () => {
    // Each segment alone: Sxx 2, Sxy -200 (t in days); pooled -400 / 4 = -100 per day.
    const entries = [
      entry(1000, 0),
      entry(900, 1),
      entry(800, 2),
      entry(5000, 2.5, 2.5, true),
      entry(4900, 3.5),
      entry(4800, 4.5),
    ];
    const result = forecast(entries, day(4.5));
    expect(centsPerDay(result)).toBeCloseTo(100, 0);
    expect(result?.daysUntilEmpty).toBeCloseTo(48, 9);
    expect(result?.daysUntilLow).toBeNull();
  });

  it('a rise not marked as top-up still splits the line', () => {
    const entries = [
      entry(1000, 0),
      entry(900, 1),
      entry(800, 2),
      entry(5000, 2.5),
      entry(4900, 3.5),
      entry(4800, 4.5),
    ];
    expect(centsPerDay(forecast(entries, day(4.5)))).toBeCloseTo(100, 0);
  });

  it('uses only the last 7 days', () => {
    // A steep fall long ago, then 100 per day over the last 4 days.
    const entries = [
      entry(100_000, 0),
      entry(50_000, 1),
      entry(10_000, 2),
      entry(1000, 10),
      entry(900, 11),
      entry(800, 12),
      entry(700, 13),
    ];
    expect(centsPerDay(forecast(entries, day(13)))).toBeCloseTo(100, 0);
  });

  it('clips an entry that began before the window to the window start', () => {
    // Held at 1000 from day 0 to day 5; now is day 8, so the window starts at day 1.
    // Points t = 1, 5, 6, 7, 8 and v = 1000, 1000, 900, 800, 700: mean t 5.4, mean v 880,
    // Sxx 29.2, Sxy -1160, slope -39.73 per day (unclipped it would be -1280 / 38.8 = -32.99).
    const entries = [entry(1000, 0, 5), entry(900, 6), entry(800, 7), entry(700, 8)];
    const result = forecast(entries, day(8));
    expect(centsPerDay(result)).toBeCloseTo(40, 0);
    expect(result?.daysUntilEmpty).toBeCloseTo(700 / (1160 / 29.2), 9);
  });
});

describe('forecast: not enough to say', () => {
  it('no history', () => {
    expect(forecast([], T0)).toBeNull();
  });

  it('under 24 hours of data', () => {
    const entries = [entry(1000, 0), entry(900, 0.3), entry(800, 0.6), entry(700, 0.99)];
    expect(forecast(entries, day(1))).toBeNull();
  });

  it('exactly 24 hours is enough', () => {
    const entries = [entry(1000, 0), entry(900, 0.3), entry(800, 0.6), entry(700, 1)];
    expect(forecast(entries, day(1))).not.toBeNull();
  });

  it('under 3 changes', () => {
    expect(forecast([entry(1000, 0), entry(900, 1), entry(800, 2, 5)], day(5))).toBeNull();
  });

  it('top-ups are not changes that count', () => {
    const entries = [entry(1000, 0), entry(900, 1), entry(5000, 2, 2, true), entry(4900, 3)];
    expect(forecast(entries, day(3))).toBeNull();
  });

  it('a flat balance', () => {
    expect(forecast([entry(1000, 0, 6)], day(6))).toBeNull();
  });
});

describe('forecast: days', () => {
  const falling = [entry(1000, 0), entry(900, 1), entry(800, 2), entry(700, 3)];

  it('no low threshold: no days until low', () => {
    expect(forecast(falling, day(3))?.daysUntilLow).toBeNull();
  });

  it('already at or under low: no days until low, still days until empty', () => {
    const result = forecast(falling, day(3), cents(700));
    expect(result?.daysUntilLow).toBeNull();
    expect(result?.daysUntilEmpty).toBeCloseTo(7, 9);
  });

  it('already empty: no days until empty', () => {
    const entries = [entry(300, 0), entry(200, 1), entry(100, 2), entry(0, 3)];
    expect(forecast(entries, day(3))?.daysUntilEmpty).toBeNull();
  });
});
