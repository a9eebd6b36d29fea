import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { accountLabels, createMetrics, type ServeMetrics } from '../../src/main/serve/metrics.js';
import type { FetchFailure, Reading } from '../../src/shared/types.js';
import { FakeEngine, account } from './fake-engine.js';
import { samples, seriesOf } from './prom-text.js';
import { cents } from '../helpers/money.js';

const T0 = 1_764_300_000_000;
const clock = { now: () => T0 };
const reading = (minorUnits: number, fetchedAt: number): Reading => ({
  currency: 'USD',
  balance: cents(minorUnits),
  fetchedAt,
});
const failure = (kind: FetchFailure['kind'], at: number): FetchFailure => ({ kind, retryable: true, message: 'x', at });

const textOf = (metrics: ServeMetrics): string => metrics.current().text.toString('utf8');

async function scrape(engine: FakeEngine): Promise<Map<string, number>> {
  const metrics = createMetrics(engine, clock, '1.2.3');
  try {
    return samples(textOf(metrics));
  } finally {
    metrics.close();
  }
}

describe('serve metrics', () => {
  it('exposes balance, thresholds, forecast, interval and success time per account label', async () => {
    const engine = new FakeEngine([
      account({
        id: 'a1',
        label: 'Shop EU',
        pollIntervalSec: 600,
        lowThreshold: '100.00',
        criticalThreshold: '20.5',
        lastReading: reading(123_456, T0 + 1500),
        forecast: { spendPerDay: 10, daysUntilEmpty: 123.456, daysUntilLow: 113.4 },
      }),
      account({ id: 'a2', label: 'Never polled' }),
    ]);
    const all = await scrape(engine);
    expect(all.get('eiot_balance{account="Shop EU",currency="USD"}')).toBe(1234.56);
    expect(all.get('eiot_balance_low_threshold{account="Shop EU",currency="USD"}')).toBe(100);
    expect(all.get('eiot_balance_critical_threshold{account="Shop EU",currency="USD"}')).toBe(20.5);
    expect(all.get('eiot_balance_forecast_days_until_empty{account="Shop EU"}')).toBe(123.456);
    expect(all.get('eiot_balance_poll_interval_seconds{account="Shop EU"}')).toBe(600);
    expect(all.get('eiot_balance_last_success_timestamp_seconds{account="Shop EU"}')).toBe(1_764_300_001.5);
    expect(all.get('eiot_balance_up{account="Shop EU"}')).toBe(1);
    expect(all.get('eiot_balance_build_info{version="1.2.3"}')).toBe(1);
    // Nothing known yet: no balance, no thresholds, no forecast; up is 0.
    expect(all.get('eiot_balance_up{account="Never polled"}')).toBe(0);
    expect([...seriesOf(all, 'eiot_balance').keys()]).toEqual(['eiot_balance{account="Shop EU",currency="USD"}']);
    expect(seriesOf(all, 'eiot_balance_forecast_days_until_empty').size).toBe(1);
  });

  it('leaves disabled accounts out', async () => {
    const all = await scrape(new FakeEngine([account({ id: 'off', enabled: false, lastReading: reading(1, T0) })]));
    expect([...all.keys()].filter((key) => key.includes('off'))).toEqual([]);
  });

  it('counts each finished poll by result, from zero, ignoring readings restored from before the start', async () => {
    const restored = account({ id: 'a', label: 'A', lastReading: reading(500, T0 - 60_000) });
    const engine = new FakeEngine([restored]);
    const metrics = createMetrics(engine, clock, 'v');
    const counts = async (): Promise<Record<string, number>> => {
      const series = seriesOf(samples(textOf(metrics)), 'eiot_balance_fetch_total');
      return Object.fromEntries([...series].map(([key, value]) => [/result="([^"]+)"/.exec(key)?.[1], value]));
    };
    expect(await counts()).toEqual({ ok: 0, api: 0, http: 0, network: 0, 'invalid-response': 0 });

    engine.emit([{ ...restored, lastReading: reading(490, T0 + 1000) }]);
    engine.emit([
      {
        ...restored,
        lastReading: reading(490, T0 + 1000),
        lastFailure: failure('network', T0 + 2000),
        failureStreak: 1,
      },
    ]);
    engine.emit([
      { ...restored, lastReading: reading(490, T0 + 1000), lastFailure: failure('http', T0 + 3000), failureStreak: 2 },
    ]);
    // A snapshot for another reason (a pause, say) is not a poll.
    engine.emit([
      { ...restored, lastReading: reading(490, T0 + 1000), lastFailure: failure('http', T0 + 3000), status: 'paused' },
    ]);
    engine.emit([{ ...restored, lastReading: reading(480, T0 + 4000), lastFailure: failure('http', T0 + 3000) }]);
    expect(await counts()).toEqual({ ok: 2, api: 0, http: 1, network: 1, 'invalid-response': 0 });
    metrics.close();
  });

  it('flips up 1 -> 0 -> 1 as a poll fails and then succeeds, keeping the last good balance', async () => {
    const base = account({ id: 'a', label: 'A' });
    const engine = new FakeEngine([{ ...base, lastReading: reading(700, T0 + 1) }]);
    const metrics = createMetrics(engine, clock, 'v');
    const read = async (): Promise<[number | undefined, number | undefined]> => {
      const all = samples(textOf(metrics));
      return [all.get('eiot_balance_up{account="A"}'), all.get('eiot_balance{account="A",currency="USD"}')];
    };
    expect(await read()).toEqual([1, 7]);
    engine.emit([{ ...base, lastReading: reading(700, T0 + 1), lastFailure: failure('api', T0 + 2) }]);
    expect(await read()).toEqual([0, 7]);
    engine.emit([{ ...base, lastReading: reading(650, T0 + 3), lastFailure: failure('api', T0 + 2) }]);
    expect(await read()).toEqual([1, 6.5]);
    metrics.close();
  });

  it('drops every series of an account that was removed or relabelled', async () => {
    const a = account({ id: 'a', label: 'A', lastReading: reading(1, T0 + 1) });
    const b = account({ id: 'b', label: 'B', lastReading: reading(2, T0 + 1) });
    const engine = new FakeEngine([a, b]);
    const metrics = createMetrics(engine, clock, 'v');
    engine.emit([{ ...a, label: 'A2' }]);
    const text = textOf(metrics);
    expect(text).not.toMatch(/account="(A|B)"/);
    expect(text).toContain('eiot_balance_fetch_total{account="A2",result="ok"} 0');
    metrics.close();
  });

  it('keeps two accounts with one label apart', () => {
    const labels = accountLabels([
      account({ id: 'x', label: 'Same' }),
      account({ id: 'y', label: 'Same' }),
      account({ id: 'z', label: 'Z' }),
    ]);
    expect([...labels.values()]).toEqual(['Same [x]', 'Same [y]', 'Z']);
  });

  it('shows cents exactly for large balances', async () => {
    const all = await scrape(
      new FakeEngine([account({ id: 'a', label: 'A', lastReading: reading(9_007_199_254_740_99, T0) })]),
    );
    expect(all.get('eiot_balance{account="A",currency="USD"}')).toBe(9_007_199_254_740.99);
  });

  it('escapes backslash, double quote and newline in label values', async () => {
    const all = await scrape(
      new FakeEngine([account({ id: 'a', label: 'Shop "EU" \\ 1\nsecond line', lastReading: reading(100, T0) })]),
    );
    expect(all.get('eiot_balance{account="Shop \\"EU\\" \\\\ 1\\nsecond line",currency="USD"}')).toBe(1);
    expect(all.get('eiot_balance_up{account="Shop \\"EU\\" \\\\ 1\\nsecond line"}')).toBe(1);
  });

  it('renders once per engine update: the same body until a new reading, then the new balance', () => {
    const a = account({ id: 'a', label: 'A', lastReading: reading(700, T0 + 1) });
    const engine = new FakeEngine([a]);
    const metrics = createMetrics(engine, clock, 'v');
    const first = metrics.current();
    expect(metrics.current()).toBe(first);
    engine.emit([{ ...a, lastReading: reading(650, T0 + 2) }]);
    const second = metrics.current();
    expect(second).not.toBe(first);
    expect(samples(second.text.toString('utf8')).get('eiot_balance{account="A",currency="USD"}')).toBe(6.5);
    expect(metrics.current()).toBe(second);
    metrics.close();
  });

  it('gzips the same text, once per body', async () => {
    const metrics = createMetrics(
      new FakeEngine([account({ id: 'a', label: 'A', lastReading: reading(1, T0) })]),
      clock,
      'v',
    );
    const body = metrics.current();
    const zipped = await body.gzipped();
    expect(gunzipSync(zipped).equals(body.text)).toBe(true);
    expect(await body.gzipped()).toBe(zipped);
    metrics.close();
  });
});
