/**
 * History on disk: `<dataDir>/history/<accountId>.json`, replaced atomically so a crash at
 * any moment leaves either the old file or the new one, never half of one. A file that
 * cannot be read as history is set aside under a timestamped name, not deleted.
 *
 * Several processes may write one account's history (the app polling, `check` from cron):
 * each write merges with the file as it is, under a lock beside it (`<id>.json.lock`,
 * proper-lockfile, taken over when its holder died), so no writer drops another's readings.
 */
import { mkdir, open, rename, rm, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import type { HistoryEntry } from '../../../shared/types.js';
import { PRIVATE_DIR_MODE, removeLeftoverTemps, tempNameFor } from '../files/private-files.js';
import { decodeHistory, encodeHistory } from './format.js';
import { HistoryLog, type HistoryLogOptions } from './log.js';
import { mergeHistories } from './merge.js';

/** A dead holder delays the next writer by at most `stale`; a live one by one write. */
const LOCK_OPTIONS = {
  realpath: false,
  stale: 2_000,
  retries: { retries: 200, minTimeout: 5, maxTimeout: 100, randomize: true },
} as const;

/** The parts of fs an atomic write uses; tests pass a rename that "crashes". */
export interface AtomicFs {
  open: typeof open;
  rename: typeof rename;
  rm: typeof rm;
}

const nodeFs: AtomicFs = { open, rename, rm };

export function historyPath(dataDir: string, accountId: string): string {
  // Ids are at most 64 characters but otherwise free: encoded, none can leave the folder.
  return join(dataDir, 'history', `${encodeURIComponent(accountId)}.json`);
}

/** Write a temp file in the same folder, fsync it, rename it over the target. */
export async function writeFileAtomic(path: string, data: string, fs: AtomicFs = nodeFs): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
  const temp = tempNameFor(path);
  try {
    const handle = await fs.open(temp, 'w', 0o600);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
}

/** Makes the rename itself durable; not possible on every platform, hence best effort. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a folder for fsync; the rename is still atomic there.
  }
}

/** Where an unreadable history file goes: beside it, named after the moment it was found. */
function asideName(path: string, now: number): string {
  return `${path}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
}

/** The file as it is now: [] when missing; an unreadable one is set aside first. */
async function readCurrent(path: string, now: number): Promise<HistoryEntry[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  try {
    return decodeHistory(text);
  } catch {
    await rename(path, asideName(path, now));
    return [];
  }
}

/** One write: the file as it is, merged with `entries`, under the history lock. */
async function saveMerged(path: string, entries: readonly HistoryEntry[], now: number): Promise<HistoryEntry[]> {
  await mkdir(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
  const release = await lockfile.lock(path, { ...LOCK_OPTIONS, lockfilePath: `${path}.lock` });
  try {
    const merged = mergeHistories(entries, await readCurrent(path, now));
    await writeFileAtomic(path, encodeHistory(merged));
    return merged;
  } finally {
    // A lock lost while held (compromised) was already released; the write itself is done.
    await release().catch(() => undefined);
  }
}

export interface OpenedHistory {
  log: HistoryLog;
  /** Where an unreadable history file was moved, or null. */
  setAside: string | null;
}

export async function openHistory(
  dataDir: string,
  accountId: string,
  now: number,
  options: Pick<HistoryLogOptions, 'maxAgeMs' | 'flushEveryMs'> & {
    /**
     * Default true. The engine passes false: it sweeps the folder once at start, and a
     * sweep per account read a folder of N files N times (a thousand accounts: a million
     * names, half a second of CPU and their garbage).
     */
    sweepLeftovers?: boolean;
  } = {},
): Promise<OpenedHistory> {
  const path = historyPath(dataDir, accountId);
  const { sweepLeftovers = true, ...logOptions } = options;
  // A temp file named after a process that no longer runs is a crash's leftover.
  if (sweepLeftovers) removeLeftoverTemps(dirname(path));
  const save: HistoryLogOptions['save'] = (entries, at) => saveMerged(path, entries, at);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return { log: new HistoryLog({ ...logOptions, save, now }), setAside: null };
  }
  try {
    return { log: new HistoryLog({ ...logOptions, save, now, entries: decodeHistory(text) }), setAside: null };
  } catch {
    const aside = asideName(path, now);
    await rename(path, aside);
    return { log: new HistoryLog({ ...logOptions, save, now }), setAside: aside };
  }
}

export async function deleteHistory(dataDir: string, accountId: string): Promise<void> {
  await rm(historyPath(dataDir, accountId), { force: true });
}
