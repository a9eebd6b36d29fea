/**
 * Files only this user may read: the data folder is 0700 and every file in it 0600 (POSIX;
 * on Windows the per-user profile already restricts them). Writes go to a temp file named
 * after the writing process, are fsynced, then renamed over the target, so a crash at any
 * moment leaves the old file or the new one; a temp file whose process is gone is a
 * leftover and is removed at the next start.
 */
import {
  chmodSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { kill, pid as ownPid, platform as ownPlatform } from 'node:process';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** The fs calls a write makes; tests pass one that fails like a full or locked disk. */
export interface WriteFs {
  openSync: typeof openSync;
  writeSync: (fd: number, data: string) => number;
  fsyncSync: typeof fsyncSync;
  renameSync: typeof renameSync;
}

export const nodeWriteFs: WriteFs = {
  openSync,
  writeSync: (fd, data) => writeSync(fd, data),
  fsyncSync,
  renameSync,
};

const TEMP_MARK = '.tmp-';
let counter = 0;

/** Creates the folder (and parents) 0700, and tightens an existing one left 0755 by older versions. */
export function ensurePrivateDir(dir: string, platform: NodeJS.Platform = ownPlatform): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (platform !== 'win32') chmodSync(dir, PRIVATE_DIR_MODE);
}

export function tempNameFor(file: string, pid: number = ownPid): string {
  return `${file}${TEMP_MARK}${pid}-${counter++}`;
}

/** Atomic replace: temp file 0600, fsync, rename; the temp file is removed when a step fails. */
export function writePrivateFileSync(file: string, text: string, fs: WriteFs = nodeWriteFs): void {
  ensurePrivateDir(path.dirname(file));
  const temp = tempNameFor(file);
  try {
    const fd = fs.openSync(temp, 'w', PRIVATE_FILE_MODE);
    try {
      fs.writeSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(path.dirname(file));
}

/** Makes the rename durable; Windows cannot open a folder for fsync, where the rename is still atomic. */
function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort, see above
  }
}

function processAlive(pid: number): boolean {
  if (pid === ownPid) return true;
  try {
    kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temp files in `dir` left by writers that no longer run. Our own temp names carry
 * the pid; conf's (config.json.tmp-<time><random>) do not, so those are removed only when
 * `includeUnowned` says the caller holds the settings lock, under which conf writes.
 */
export function removeLeftoverTemps(dir: string, options: { includeUnowned?: boolean } = {}): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const at = name.indexOf(TEMP_MARK);
    if (at <= 0) continue;
    const owner = /^(\d+)-\d+$/.exec(name.slice(at + TEMP_MARK.length));
    const leftover = owner ? !processAlive(Number(owner[1])) : options.includeUnowned === true;
    if (!leftover) continue;
    rmSync(path.join(dir, name), { force: true, recursive: false });
    removed.push(name);
  }
  return removed;
}
