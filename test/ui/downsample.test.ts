import { describe, expect, it } from 'vitest';
import { downsample, pointsInRange, topUpsInRange, type Point } from '../../src/renderer/chart/downsample.js';
import { rangeBounds } from '../../src/renderer/chart/range.js';
import type { HistoryEntry } from '../../src/shared/types.js';
import { cents } from '../helpers/money.js';

const entry = (firstAt: number, minorUnits: number, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  firstAt,
  lastAt: firstAt,
  balance: cents(minorUnits),
  currency: 'USD',
  ...extra,
});

describe('chart downsampling', () => {
  const points: Point[] = Array.from({ length: 20_000 }, (_, index) => ({
    at: index * 1_000,
    value: 100_000 - index + (index === 12_345 ? 50_000 : 0) - (index === 777 ? 90_000 : 0),
    balance: String(index),
  }));
  const thinned = downsample(points, 0, 20_000_000, 600);

  it('keeps at most four points per pixel column', () => {
    expect(thinned.length).toBeLessThanOrEqual(4 * 600);
    expect(thinned.length).toBeGreaterThan(600);
  });

  it('keeps the first, last, highest and lowest readings, so spikes survive', () => {
    expect(thinned[0]).toEqual(points[0]);
    expect(thinned.at(-1)).toEqual(points.at(-1));
    expect(thinned).toContainEqual(points[12_345]);
    expect(thinned).toContainEqual(points[777]);
  });

  it('stays in time order', () => {
    for (let index = 1; index < thinned.length; index += 1) {
      expect((thinned[index] as Point).at).toBeGreaterThan((thinned[index - 1] as Point).at);
    }
  });

  it('leaves short series alone', () => {
    const few = points.slice(0, 50);
    expect(downsample(few, 0, 50_000, 600)).toEqual(few);
  });
});

describe('chart series', () => {
  it('draws each span by both ends, clipped to the period', () => {
    const entries = [
      { ...entry(0, 500), lastAt: 100 },
      { ...entry(200, 400), lastAt: 300 },
    ];
    expect(pointsInRange(entries, 50, 250)).toEqual([
      { at: 50, value: 5, balance: '5.00' },
      { at: 100, value: 5, balance: '5.00' },
      { at: 200, value: 4, balance: '4.00' },
      { at: 250, value: 4, balance: '4.00' },
    ]);
  });

  it('marks one top-up per pixel column at most', () => {
    const entries = [
      entry(0, 1, { topUp: true }),
      entry(1, 2, { topUp: true }),
      entry(500, 3, { topUp: true }),
      entry(600, 2),
    ];
    expect(topUpsInRange(entries, 0, 1_000, 10).map((e) => e.firstAt)).toEqual([0, 500]);
  });

  it('covers the chosen period up to now, and all history for "all"', () => {
    const now = 10 * 86_400_000;
    expect(rangeBounds('24h', [], now)).toEqual({ fromMs: 9 * 86_400_000, toMs: now });
    expect(rangeBounds('7d', [], now).fromMs).toBe(3 * 86_400_000);
    expect(rangeBounds('all', [entry(86_400_000, 1)], now)).toEqual({ fromMs: 86_400_000, toMs: now });
  });
});
