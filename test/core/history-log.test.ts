import { describe, expect, it } from 'vitest';
import { decodeHistory, encodeHistory } from '../../src/main/core/history/format.js';
import { HistoryLog } from '../../src/main/core/history/log.js';
import type { HistoryEntry, Reading } from '../../src/shared/types.js';
import { cents } from '../helpers/money.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);

const reading = (minorUnits: number, fetchedAt: number, currency = 'USD'): Reading => ({
  currency,
  balance: cents(minorUnits),
  fetchedAt,
});

function memoryLog(options: { entries?: HistoryEntry[]; maxAgeMs?: number } = {}) {
  const saved: HistoryEntry[][] = [];
  const log = new HistoryLog({
    ...options,
    now: T0,
    save: async (entries) => {
      saved.push(entries.map((e) => ({ ...e })));
    },
  });
  return { log, saved };
}

describe('HistoryLog: append', () => {
  it('collapses equal consecutive readings into one span', () => {
    const { log } = memoryLog();
    log.append(reading(1000, T0));
    log.append(reading(1000, T0 + 60_000));
    log.append(reading(1000, T0 + 120_000));
    expect(log.entries()).toEqual([{ firstAt: T0, lastAt: T0 + 120_000, balance: '10.00', currency: 'USD' }]);
  });

  it('starts a new entry on a change, and marks a rise as a top-up', () => {
    const { log } = memoryLog();
    log.append(reading(1000, T0));
    log.append(reading(900, T0 + 1));
    log.append(reading(5000, T0 + 2));
    log.append(reading(5000, T0 + 3));
    log.append(reading(4900, T0 + 4));
    expect(log.entries().map((e) => [e.balance, e.topUp ?? false, e.firstAt, e.lastAt])).toEqual([
      [cents(1000), false, T0, T0],
      [cents(900), false, T0 + 1, T0 + 1],
      [cents(5000), true, T0 + 2, T0 + 3],
      [cents(4900), false, T0 + 4, T0 + 4],
    ]);
  });

  it('the same amount in another currency is a new entry, and no top-up', () => {
    const { log } = memoryLog();
    log.append(reading(1000, T0, 'USD'));
    log.append(reading(1000, T0 + 1, 'CNY'));
    log.append(reading(2000, T0 + 2, 'USD'));
    expect(log.entries().map((e) => [e.currency, e.topUp ?? false])).toEqual([
      ['USD', false],
      ['CNY', false],
      ['USD', false],
    ]);
  });

  it('entries(since) keeps those still seen at or after it, as copies', () => {
    const { log } = memoryLog();
    log.append(reading(1000, T0));
    log.append(reading(1000, T0 + 10));
    log.append(reading(900, T0 + 20));
    expect(log.entries(T0 + 10).map((e) => e.balance)).toEqual([1000, 900].map(cents));
    expect(log.entries(T0 + 11).map((e) => e.balance)).toEqual([900].map(cents));
    log.entries()[0]!.balance = '0.01';
    expect(log.entries()[0]!.balance).toBe('10.00');
  });
});

describe('HistoryLog: flush policy and prune', () => {
  it('needs a flush at once for a new entry, after 10 minutes for an extended one', async () => {
    const { log, saved } = memoryLog();
    expect(log.needsFlush(T0)).toBe(false);
    log.append(reading(1000, T0));
    expect(log.needsFlush(T0)).toBe(true);
    await log.flush(T0);
    expect(saved).toHaveLength(1);
    log.append(reading(1000, T0 + 60_000));
    expect(log.needsFlush(T0 + 60_000)).toBe(false);
    expect(log.needsFlush(T0 + 10 * 60_000 - 1)).toBe(false);
    expect(log.needsFlush(T0 + 10 * 60_000)).toBe(true);
    await log.flush(T0 + 10 * 60_000);
    expect(log.needsFlush(T0 + 60 * 60_000)).toBe(false);
  });

  it('drops entries older than the age limit on flush', async () => {
    const { log, saved } = memoryLog({ maxAgeMs: 10 * DAY });
    log.append(reading(3000, T0));
    log.append(reading(3000, T0 + 2 * DAY)); // last seen day 2
    log.append(reading(2000, T0 + 5 * DAY));
    log.append(reading(1000, T0 + 11 * DAY));
    await log.flush(T0 + 12 * DAY + 1); // cutoff just after day 2
    expect(saved[0]!.map((e) => e.balance)).toEqual([2000, 1000].map(cents));
    expect(log.entries().map((e) => e.balance)).toEqual([2000, 1000].map(cents));
  });

  it('defaults to 400 days', async () => {
    const { log } = memoryLog();
    log.append(reading(2000, T0));
    log.append(reading(1000, T0 + 1));
    await log.flush(T0 + 400 * DAY);
    expect(log.entries()).toHaveLength(2);
    await log.flush(T0 + 400 * DAY + 1);
    expect(log.entries()).toHaveLength(1);
  });

  it('writes flushes in order, keeps one waiting at most, and a failed write leaves the log dirty', async () => {
    const written: number[] = [];
    let fail = true;
    let saves = 0;
    const log = new HistoryLog({
      now: T0,
      save: async (entries) => {
        saves++;
        await new Promise((r) => setImmediate(r));
        if (fail) {
          fail = false;
          throw new Error('disk full');
        }
        written.push(entries.length);
      },
    });
    log.append(reading(1000, T0));
    const first = log.flush(T0);
    await Promise.resolve();
    // While the first write is under way, further flushes share one queued write, which
    // copies the entries when it starts and so includes everything appended until then.
    log.append(reading(900, T0 + 1));
    const second = log.flush(T0 + 1);
    log.append(reading(800, T0 + 2));
    const third = log.flush(T0 + 2);
    expect(third).toBe(second);
    await expect(first).rejects.toThrow('disk full');
    await second;
    expect(saves).toBe(2);
    expect(written).toEqual([3]);
    log.append(reading(800, T0 + 3));
    expect(log.needsFlush(T0 + 10 * 60_000 + 3)).toBe(true);
  });
});

describe('history file format', () => {
  it('round-trips entries, top-ups and a change of currency', () => {
    const entries: HistoryEntry[] = [
      { firstAt: T0, lastAt: T0 + 5, balance: '-0.50', currency: 'CNY' },
      { firstAt: T0 + 6, lastAt: T0 + 6, balance: '9.005', currency: 'USD', topUp: true },
      { firstAt: T0 + 7, lastAt: T0 + 99, balance: '123456789012345678901.25', currency: 'USD' },
    ];
    expect(decodeHistory(encodeHistory(entries))).toEqual(entries);
  });

  it('reads a version 1 file, whose amounts were whole cents', () => {
    const v1 = '{"version":1,"currency":"USD","entries":[[1,2,123456],[4,0,-5,1]]}';
    expect(decodeHistory(v1)).toEqual([
      { firstAt: 1, lastAt: 3, balance: '1234.56', currency: 'USD' },
      { firstAt: 4, lastAt: 4, balance: '-0.05', currency: 'USD', topUp: true },
    ]);
  });

  it('rejects what it did not write', () => {
    expect(() => decodeHistory('{"version":3,"currency":"USD","entries":[]}')).toThrow();
    expect(() => decodeHistory('{"version":2,"currency":"USD","entries":[[1,0,"1e3"]]}')).toThrow();
    expect(() => decodeHistory('{"version":2,"currency":"USD","entries":[[1,0,100]]}')).toThrow();
    expect(() => decodeHistory('{"version":1,"currency":"USD","entries":[[1,-1,3]]}')).toThrow();
    expect(() => decodeHistory('{"version":1,"currency":"USD","entries":[[1,0,1.5]]}')).toThrow();
    expect(() => decodeHistory('{"version":1,')).toThrow();
  });
});
