/**
 * History on disk: `<dataDir>/history/<accountId>.json`, replaced atomically so a crash at
 * any moment leaves either the old file or the new one, never half of one. A file that
 * cannot be read as history is set aside under a timestamped name, not deleted.
 */
import { mkdir, open, readdir, rename, rm, stat, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { decodeHistory, encodeHistory } from './format.js';
import { HistoryLog, type HistoryLogOptions } from './log.js';

/** The parts of fs an atomic write uses; tests pass a rename that "crashes". */
export interface AtomicFs {
  open: typeof open;
  rename: typeof rename;
  rm: typeof rm;
}

const nodeFs: AtomicFs = { open, rename, rm };
/** Older temp files are leftovers of a crash; younger ones may be another process writing. */
const LEFTOVER_AGE_MS = 60_000;
let tempCounter = 0;

export function historyPath(dataDir: string, accountId: string): string {
  // Ids are at most 64 characters but otherwise free: encoded, none can leave the folder.
  return join(dataDir, 'history', `${encodeURIComponent(accountId)}.json`);
}

/** Write a temp file in the same folder, fsync it, rename it over the target. */
export async function writeFileAtomic(path: string, data: string, fs: AtomicFs = nodeFs): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // The pid keeps two processes' temp files apart; it is identity, not configuration to inject.
  // eslint-disable-next-line no-restricted-globals
  const temp = `${path}.${process.pid}-${tempCounter++}.tmp`;
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

export interface OpenedHistory {
  log: HistoryLog;
  /** Where an unreadable history file was moved, or null. */
  setAside: string | null;
}

export async function openHistory(
  dataDir: string,
  accountId: string,
  now: number,
  options: Pick<HistoryLogOptions, 'maxAgeMs' | 'flushEveryMs'> = {},
): Promise<OpenedHistory> {
  const path = historyPath(dataDir, accountId);
  await removeLeftovers(path, now);
  const save: HistoryLogOptions['save'] = (entries) => writeFileAtomic(path, encodeHistory(entries));
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return { log: new HistoryLog({ ...options, save, now }), setAside: null };
  }
  try {
    return { log: new HistoryLog({ ...options, save, now, entries: decodeHistory(text) }), setAside: null };
  } catch {
    const aside = `${path}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
    await rename(path, aside);
    return { log: new HistoryLog({ ...options, save, now }), setAside: aside };
  }
}

export async function deleteHistory(dataDir: string, accountId: string): Promise<void> {
  await rm(historyPath(dataDir, accountId), { force: true });
}

async function removeLeftovers(path: string, now: number): Promise<void> {
  const prefix = `${basename(path)}.`;
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return;
  }
  for (const name of names.filter((n) => n.startsWith(prefix) && n.endsWith('.tmp'))) {
    const leftover = join(dirname(path), name);
    const info = await stat(leftover).catch(() => null);
    if (info && now - info.mtimeMs > LEFTOVER_AGE_MS) await rm(leftover, { force: true });
  }
}
