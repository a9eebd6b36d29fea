/**
 * Tells a running engine that config.json changed on disk (another process added an
 * account, the user edited the file). fs.watch on the folder, because every write replaces
 * the file by a rename, which a watch on the file itself would lose track of; events for
 * other names (the lock, temp files, history) are ignored; a burst of events is one call.
 * fs.watch is not reliable everywhere (network folders, some containers), so the engine
 * also compares the file on every poll: this only makes the news faster.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { TimerHandle, Timers } from '../ports.js';

export const SETTINGS_DEBOUNCE_MS = 100;

export function watchSettingsFolder(
  settingsFile: string,
  timers: Timers,
  onChange: () => void,
  debounceMs = SETTINGS_DEBOUNCE_MS,
): () => void {
  const name = path.basename(settingsFile);
  let timer: TimerHandle | null = null;
  let watcher: FSWatcher | null = null;
  const stop = (): void => {
    watcher?.close();
    watcher = null;
  };
  try {
    watcher = watch(path.dirname(settingsFile), { persistent: false }, (_event, changed) => {
      if (changed !== null && changed !== name) return;
      if (timer !== null) return;
      timer = timers.setTimeout(() => {
        timer = null;
        onChange();
      }, debounceMs);
    });
    // The folder went away or the platform gave up: the per-poll check remains.
    watcher.on('error', stop);
  } catch {
    watcher = null;
  }
  return () => {
    stop();
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };
}
