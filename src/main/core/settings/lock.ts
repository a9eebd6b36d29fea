/**
 * The cross-process lock every settings change runs under: the app, `watch`, `serve` and any
 * number of CLI commands may share one data folder. proper-lockfile makes the lock an
 * atomic mkdir of `config.lock` beside the file and keeps its mtime fresh while held; a lock
 * whose holder died (kill -9, power loss) goes stale after STALE_MS and is taken over.
 *
 * Synchronous on purpose: a change is read-file, apply, write-file, a few milliseconds, and
 * holding the lock across an `await` would let this process interleave two changes of its
 * own. Waiting for another holder sleeps the thread in short steps, bounded by WAIT_MS.
 */
import lockfile from 'proper-lockfile';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/** proper-lockfile's minimum; a dead holder delays others by at most this. */
export const STALE_MS = 2_000;
/** Longer than a stale lock lives, so a dead holder never makes a change fail. */
export const WAIT_MS = 10_000;

export class SettingsLockTimeout extends Error {
  override readonly name = 'SettingsLockTimeout';
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

export function lockPathFor(settingsFile: string): string {
  return path.join(path.dirname(settingsFile), 'config.lock');
}

export interface LockOptions {
  now?: () => number;
  waitMs?: number;
  /** The lock was lost while held (its mtime could not be refreshed): reported, not thrown. */
  onCompromised?: (error: Error) => void;
}

export function withSettingsLock<T>(settingsFile: string, run: () => T, options: LockOptions = {}): T {
  const now = options.now ?? (() => performance.now());
  const deadline = now() + (options.waitMs ?? WAIT_MS);
  let release: (() => void) | null = null;
  for (let attempt = 0; release === null; attempt++) {
    try {
      release = lockfile.lockSync(settingsFile, {
        realpath: false,
        lockfilePath: lockPathFor(settingsFile),
        stale: STALE_MS,
        onCompromised: options.onCompromised ?? (() => undefined),
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (now() > deadline) {
        throw new SettingsLockTimeout(`the settings file is locked by another process (${lockPathFor(settingsFile)})`, {
          cause: error,
        });
      }
      // Spread the waiters so five processes do not retry in lockstep.
      sleep(Math.min(50, 5 + attempt * 5) * (0.5 + Math.random()));
    }
  }
  try {
    return run();
  } finally {
    try {
      release();
    } catch {
      // Already released because it was compromised; the change itself completed.
    }
  }
}
