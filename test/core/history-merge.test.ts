/**
 * The app rewrites an account's history file while `check` from a terminal appends to it:
 * each write merges with the file, so neither writer's readings are lost.
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { historyPath, openHistory } from '../../src/main/core/history/file-store.js';
import { decodeHistory } from '../../src/main/core/history/format.js';
import { HistoryLog } from '../../src/main/core/history/log.js';
import { mergeHistories } from '../../src/main/core/history/merge.js';
import type { HistoryEntry, Reading } from '../../src/shared/types.js';

const reading = (fetchedAt: number, balance: string): Reading => ({ fetchedAt, balance, currency: 'USD' });
const entry = (firstAt: number, lastAt: number, balance: string, topUp = false): HistoryEntry => ({
  firstAt,
  lastAt,
  balance,
  currency: 'USD',
  ...(topUp ? { topUp: true } : {}),
});

function logOf(readings: readonly Reading[], entries: readonly HistoryEntry[] = []): HistoryEntry[] {
  const log = new HistoryLog({ save: async () => undefined, now: 0, entries });
  for (const one of readings) log.append(one);
  return log.entries();
}

describe('merging two views of one history', () => {
  it('a reading inside the other side’s span of the same balance adds nothing', () => {
    const app = [entry(0, 50, '9.00'), entry(100, 500, '100.00')];
    const cli = [entry(0, 50, '9.00'), entry(300, 300, '100.00')];
    expect(mergeHistories(app, cli)).toEqual(app);
    expect(mergeHistories(cli, app)).toEqual(app);
  });

  it('keeps a balance only the other side saw, in time order', () => {
    const app = [entry(0, 50, '9.00'), entry(100, 200, '100.00', true)];
    const cli = [entry(0, 50, '9.00'), entry(300, 300, '80.00')];
    expect(mergeHistories(app, cli)).toEqual([...app, entry(300, 300, '80.00')]);
  });

  it('joins spans of the same balance that the two sides saw apart, keeping the top-up mark', () => {
    const app = [entry(0, 10, '5.00'), entry(100, 200, '100.00', true)];
    const cli = [entry(0, 10, '5.00'), entry(100, 150, '100.00', true), entry(260, 260, '100.00')];
    expect(mergeHistories(app, cli)).toEqual([entry(0, 10, '5.00'), entry(100, 260, '100.00', true)]);
  });

  it('treats 100 and 100.00 as the same balance', () => {
    expect(mergeHistories([entry(0, 10, '100')], [entry(5, 20, '100.00')])).toEqual([entry(0, 20, '100')]);
  });

  it('accounts for every reading of either side, and is idempotent (property)', () => {
    const timeline = fc.array(
      fc.record({
        balance: fc.constantFrom('10.00', '20.00', '30.00'),
        seenBy: fc.constantFrom('both', 'app', 'cli'),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(timeline, fc.nat(40), (steps, sharedUntil) => {
        const readings = steps.map((step, index) => ({
          ...reading(index * 60_000, step.balance),
          seenBy: step.seenBy,
        }));
        // Both loaded the same file (the readings before sharedUntil), then went their ways.
        const shared = logOf(readings.slice(0, sharedUntil));
        const later = readings.slice(sharedUntil);
        const app = logOf(
          later.filter((one) => one.seenBy !== 'cli'),
          shared,
        );
        const cli = logOf(
          later.filter((one) => one.seenBy !== 'app'),
          shared,
        );
        const merged = mergeHistories(app, cli);
        for (const one of [...readings.slice(0, sharedUntil), ...later]) {
          const covered = merged.some(
            (kept) => kept.balance === one.balance && kept.firstAt <= one.fetchedAt && one.fetchedAt <= kept.lastAt,
          );
          expect(covered, `reading at ${one.fetchedAt}`).toBe(true);
        }
        expect(mergeHistories(merged, app)).toEqual(merged);
        expect(mergeHistories(merged, cli)).toEqual(merged);
        expect(mergeHistories(merged, merged)).toEqual(merged);
        expect(merged.length).toBeLessThanOrEqual(app.length + cli.length);
      }),
    );
  });
});

describe('two writers of one history file', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the app’s next flush keeps the reading `check` wrote meanwhile, and the app sees it', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'eiot-history-merge-'));
    const { log: app } = await openHistory(dir, 'acc', 0);
    app.append(reading(1_000, '50.00'));
    await app.flush(1_000);

    // `check` from a terminal: opens the file as it is now, appends, flushes.
    const { log: cli } = await openHistory(dir, 'acc', 2_000);
    cli.append(reading(2_000, '40.00'));
    await cli.flush(2_000);

    // The app never reopened the file; its flush must not overwrite the 40.00.
    app.append(reading(3_000, '30.00'));
    await app.flush(3_000);
    const onDisk = decodeHistory(readFileSync(historyPath(dir, 'acc'), 'utf8'));
    expect(onDisk.map((e) => e.balance)).toEqual(['50.00', '40.00', '30.00']);
    expect(app.entries().map((e) => e.balance)).toEqual(['50.00', '40.00', '30.00']);
    // No lock or temp file is left beside it.
    expect(readdirSync(path.join(dir, 'history'))).toEqual(['acc.json']);
  });

  it('concurrent flushes from many writers lose nothing', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'eiot-history-merge-'));
    const writers = await Promise.all(Array.from({ length: 6 }, () => openHistory(dir, 'acc', 0)));
    writers.forEach(({ log }, index) => log.append(reading(1_000 * (index + 1), `${index + 1}.00`)));
    await Promise.all(writers.map(({ log }, index) => log.flush(1_000 * (index + 1))));
    const onDisk = decodeHistory(readFileSync(historyPath(dir, 'acc'), 'utf8'));
    expect(onDisk.map((e) => e.balance)).toEqual(['1.00', '2.00', '3.00', '4.00', '5.00', '6.00']);
  });

  it('an unreadable file found at write time is set aside, not overwritten', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'eiot-history-merge-'));
    const { log } = await openHistory(dir, 'acc', 0);
    mkdirSync(path.join(dir, 'history'));
    writeFileSync(historyPath(dir, 'acc'), '{"not":"history"}');
    log.append(reading(1_000, '5.00'));
    await log.flush(1_000);
    const names = readdirSync(path.join(dir, 'history'));
    const aside = names.find((name) => name.startsWith('acc.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(readFileSync(path.join(dir, 'history', aside!), 'utf8')).toBe('{"not":"history"}');
    expect(decodeHistory(readFileSync(historyPath(dir, 'acc'), 'utf8'))).toEqual([entry(1_000, 1_000, '5.00')]);
  });
});
