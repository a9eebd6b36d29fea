import { mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deleteHistory,
  historyPath,
  openHistory,
  writeFileAtomic,
  type AtomicFs,
} from '../../src/main/core/history/file-store.js';
import type { Reading } from '../../src/shared/types.js';
import { benchHistory } from '../../bench/history.js';
import { cents } from '../helpers/money.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eiot-history-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const reading = (minorUnits: number, fetchedAt: number): Reading => ({
  currency: 'USD',
  balance: cents(minorUnits),
  fetchedAt,
});

async function seed(accountId: string, balances: number[]) {
  const now = Date.now();
  const { log } = await openHistory(dir, accountId, now);
  balances.forEach((b, i) => log.append(reading(b, now + i)));
  await log.flush(now + balances.length);
  return now;
}

describe('history files', () => {
  it('writes to <dataDir>/history/<id>.json and reads it back', async () => {
    await seed('acc-1', [1000, 900, 900, 5000]);
    expect(await readdir(join(dir, 'history'))).toEqual(['acc-1.json']);
    const { log, setAside } = await openHistory(dir, 'acc-1', Date.now());
    expect(setAside).toBeNull();
    expect(log.entries().map((e) => [e.balance, e.topUp ?? false])).toEqual([
      [cents(1000), false],
      [cents(900), false],
      [cents(5000), true],
    ]);
  });

  it('starts empty when there is no file', async () => {
    const { log, setAside } = await openHistory(dir, 'new', Date.now());
    expect(log.entries()).toEqual([]);
    expect(setAside).toBeNull();
  });

  it('keeps any id inside the history folder', () => {
    expect(historyPath(dir, '../../etc/passwd')).toBe(join(dir, 'history', '..%2F..%2Fetc%2Fpasswd.json'));
  });

  it('sets a corrupt file aside under a timestamped name and starts empty', async () => {
    await mkdir(join(dir, 'history'));
    const path = historyPath(dir, 'acc-1');
    await writeFile(path, '{"version":1,"currency":"USD","entries":[[1,');
    const now = Date.UTC(2025, 2, 4, 5, 6, 7, 890);
    const { log, setAside } = await openHistory(dir, 'acc-1', now);
    expect(log.entries()).toEqual([]);
    expect(setAside).toBe(`${path}.corrupt-2025-03-04T05-06-07-890Z`);
    expect(await readFile(setAside!, 'utf8')).toBe('{"version":1,"currency":"USD","entries":[[1,');
    expect(await readdir(join(dir, 'history'))).toEqual([`acc-1.json.corrupt-2025-03-04T05-06-07-890Z`]);
  });

  it('deletes an account history', async () => {
    await seed('acc-1', [1000]);
    await deleteHistory(dir, 'acc-1');
    await deleteHistory(dir, 'acc-1');
    expect(await readdir(join(dir, 'history'))).toEqual([]);
  });
});

describe('atomic writes', () => {
  it('a crash between write and rename leaves the previous file readable', async () => {
    await seed('acc-1', [1000, 900]);
    const path = historyPath(dir, 'acc-1');
    const before = await readFile(path, 'utf8');
    let tempWritten = '';
    const crashing: AtomicFs = {
      open,
      rm,
      rename: async (from) => {
        tempWritten = await readFile(from, 'utf8');
        throw Object.assign(new Error('killed'), { code: 'EINTR' });
      },
    };
    await expect(writeFileAtomic(path, 'NEW CONTENT', crashing)).rejects.toThrow('killed');
    expect(tempWritten).toBe('NEW CONTENT');
    expect(await readFile(path, 'utf8')).toBe(before);
    expect(await readdir(join(dir, 'history'))).toEqual(['acc-1.json']);
    const { log, setAside } = await openHistory(dir, 'acc-1', Date.now());
    expect(setAside).toBeNull();
    expect(log.entries().map((e) => e.balance)).toEqual([1000, 900].map(cents));
  });

  it('a half-written temp file left by a killed process is ignored, then cleaned up', async () => {
    await seed('acc-1', [1000, 900]);
    // Named after its writer's pid: no process has this one, so the writer is gone.
    const leftover = `${historyPath(dir, 'acc-1')}.tmp-999999999-0`;
    await writeFile(leftover, '{"version":1,"currency":"US');
    const { log } = await openHistory(dir, 'acc-1', Date.now());
    expect(log.entries().map((e) => e.balance)).toEqual([1000, 900].map(cents));
    expect(await readdir(join(dir, 'history'))).toEqual(['acc-1.json']);
  });

  it('leaves the folder alone when the caller already swept it (the engine, once at start)', async () => {
    await seed('acc-1', [1000]);
    const leftover = `${historyPath(dir, 'acc-1')}.tmp-999999999-0`;
    await writeFile(leftover, 'partial');
    const { log } = await openHistory(dir, 'acc-1', Date.now(), { sweepLeftovers: false });
    expect(log.entries().map((e) => e.balance)).toEqual([cents(1000)]);
    expect((await readdir(join(dir, 'history'))).sort()).toEqual(['acc-1.json', 'acc-1.json.tmp-999999999-0']);
  });

  it('a temp file of a process still running (another engine mid-write) is left alone', async () => {
    await seed('acc-1', [1000]);
    const busy = `${historyPath(dir, 'acc-1')}.tmp-${process.ppid}-0`;
    await writeFile(busy, 'partial');
    await openHistory(dir, 'acc-1', Date.now());
    expect((await readdir(join(dir, 'history'))).sort()).toEqual(['acc-1.json', `acc-1.json.tmp-${process.ppid}-0`]);
  });

  it('replaces the file whole, leaving no temp file', async () => {
    const path = join(dir, 'history', 'x.json');
    await writeFileAtomic(path, 'one');
    await writeFileAtomic(path, 'two');
    expect(await readFile(path, 'utf8')).toBe('two');
    expect(await readdir(join(dir, 'history'))).toEqual(['x.json']);
  });
});

describe('history size', () => {
  it('a year of one-minute polls of a slowly changing balance stays under 1 MB', async () => {
    const { history_bytes_one_year: bytes } = await benchHistory();
    expect(bytes).toBeGreaterThan(100_000);
    expect(bytes).toBeLessThan(1_000_000);
  });
});
