/**
 * Keeps a running engine in step with config.json when another process (the CLI, the app,
 * a text editor) changes it: on a watcher event or a poll, the file's signature (size +
 * content hash) is compared with the last one seen, and only a real change is read and
 * applied. Every change to the engine's accounts, its own or another's, runs through one
 * queue, so an account being added here and seen on disk at the same moment is one account.
 */
import type { SettingsDocument } from '../settings/schema.js';
import type { SettingsFile, SettingsRead } from '../settings/settings-file.js';

export type SettingsApplier = (document: SettingsDocument) => Promise<void>;

export interface SettingsSync {
  /** The file now, remembered as seen. */
  readNow(): SettingsRead;
  /** Reads and applies the file if it changed since it was last seen. */
  check(): Promise<void>;
  /** Runs `change` when no other change or check is under way. */
  serial<T>(change: () => Promise<T>): Promise<T>;
}

export function createSettingsSync(options: {
  file: SettingsFile;
  apply: (read: SettingsRead) => Promise<void>;
  onError: (error: unknown) => void;
}): SettingsSync {
  let seen: string | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  function serial<T>(change: () => Promise<T>): Promise<T> {
    const next = queue.then(change);
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    readNow() {
      // Signature first: a change landing between the two is seen again at the next check.
      seen = options.file.signature();
      return options.file.read();
    },
    check() {
      return serial(async () => {
        const signature = options.file.signature();
        if (signature === seen) return;
        seen = signature;
        await options.apply(options.file.read());
      }).catch(options.onError);
    },
    serial,
  };
}
