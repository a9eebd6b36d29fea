import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatTick, spreadLabels, timeTicks, valueAxis } from '../../src/renderer/chart/axes.js';

const isNice = (step: number) => {
  const magnitude = 10 ** Math.floor(Math.log10(step));
  return [1, 2, 5, 10].includes(Math.round((step / magnitude) * 1e6) / 1e6);
};

describe('value axis', () => {
  it('gives 1-2-5 steps instead of arbitrary values (the old 615.43 / 412.99 / 210.56 / 8.12)', () => {
    const axis = valueAxis(812, 61_543);
    expect(axis.ticks).toEqual([0, 20_000, 40_000, 60_000, 80_000].filter((tick) => tick <= axis.high));
    expect(axis.decimals).toBe(0);
    expect(axis.low).toBeLessThanOrEqual(812);
    expect(axis.high).toBeGreaterThanOrEqual(61_543);
  });

  it('always covers the values with evenly spaced, nice, whole-cent ticks', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 1e12 }), (min, span) => {
        const axis = valueAxis(min, min + span);
        expect(axis.low).toBeLessThanOrEqual(min);
        expect(axis.high).toBeGreaterThanOrEqual(min + span);
        expect(axis.ticks.length).toBeGreaterThanOrEqual(2);
        for (const tick of axis.ticks) expect(Number.isInteger(tick)).toBe(true);
        const steps = axis.ticks.slice(1).map((tick, i) => tick - (axis.ticks[i] as number));
        if (span > 0 && axis.ticks.length > 2) {
          expect(new Set(steps).size).toBe(1);
          expect(isNice(steps[0] as number)).toBe(true);
        }
      }),
    );
  });

  it('shows decimals only when the step needs them', () => {
    expect(valueAxis(100, 180).decimals).toBe(1);
    expect(valueAxis(101, 104).decimals).toBe(2);
    expect(formatTick(150, 2, 'en')).toBe('1.50');
    expect(formatTick(-250_000_000, 0, 'en')).toBe('-2,500,000');
  });

  it('puts a single value mid-range', () => {
    const axis = valueAxis(5_000, 5_000);
    expect(axis.low).toBeLessThan(5_000);
    expect(axis.high).toBeGreaterThan(5_000);
  });
});

describe('time ticks', () => {
  it('fall on day boundaries for a month and on whole hours for a day', () => {
    const month = timeTicks(Date.UTC(2026, 10, 5, 8, 40), Date.UTC(2026, 11, 5, 8, 40), 5);
    expect(month.length).toBeGreaterThanOrEqual(3);
    for (const tick of month) expect(tick.day).toBe(true);
    const day = timeTicks(Date.UTC(2026, 11, 4, 8, 40), Date.UTC(2026, 11, 5, 8, 40), 5);
    for (const tick of day) expect(new Date(tick.at).getMinutes()).toBe(0);
    expect(day.some((tick) => !tick.day)).toBe(true);
  });
});

describe('label spreading', () => {
  it('separates labels that would overlap (the low and critical lines close together)', () => {
    const [low, critical] = spreadLabels([100, 104], 14, 0, 200);
    expect(Math.abs((low as number) - (critical as number))).toBeGreaterThanOrEqual(14);
  });

  it('never overlaps and stays inside the plot', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 250 }), { maxLength: 4 }), (wanted) => {
        const placed = spreadLabels(wanted, 14, 0, 200);
        const sorted = [...placed].sort((a, b) => a - b);
        for (let i = 1; i < sorted.length; i += 1)
          expect((sorted[i] as number) - (sorted[i - 1] as number)).toBeGreaterThanOrEqual(14 - 1e-9);
        for (const y of placed) {
          expect(y).toBeGreaterThanOrEqual(0 - 1e-9);
          expect(y).toBeLessThanOrEqual(200 + 1e-9);
        }
      }),
    );
  });

  it('leaves labels alone that do not collide', () => {
    expect(spreadLabels([150, 20], 14, 0, 200)).toEqual([150, 20]);
  });
});
