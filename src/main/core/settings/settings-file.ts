/**
 * The settings file as every process shares it. Nothing keeps a document to write back
 * later: `read()` looks at the file as it is now, and every change is `update(change)`, one
 * read-modify-write of the current file under the cross-process lock (lock.ts), written
 * atomically with mode 0600 by the DocumentStore (conf, or electron-store in the app).
 *
 * What a file cannot be used for is decided here, and differently for reading and writing:
 * - newer schemaVersion: read as far as this version understands it; never renamed or
 *   rewritten, every change refused with NewerSettingsError;
 * - unparseable or invalid: read as defaults with a message naming the first bad field;
 *   moved aside under a timestamped name by the first change, never by a read;
 * - older: read migrated in memory; written migrated by the first change.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, removeLeftoverTemps } from '../files/private-files.js';
import type { Clock, DocumentStore } from '../ports.js';
import { withSettingsLock, type LockOptions } from './lock.js';
import { migrate } from './migrations.js';
import {
  defaultDocument,
  NewerSettingsError,
  parseDocument,
  parseNewerDocument,
  SCHEMA_VERSION,
  SettingsFileProblem,
  type SettingsDocument,
} from './schema.js';

export type SettingsFileState =
  | { kind: 'missing' }
  | { kind: 'current' }
  | { kind: 'older'; fromVersion: number }
  | { kind: 'newer'; schemaVersion: number; message: string }
  /** `message` names the file and the first invalid field with its path. */
  | { kind: 'invalid'; message: string };

export interface SettingsRead {
  document: SettingsDocument;
  state: SettingsFileState;
}

export interface SettingsFileOptions {
  clock: Clock;
  newId?: () => string;
  /**
   * A migration moved runtime state (alert episodes, by account id) out of the file: keep
   * it, e.g. in the state files, before the migrated file replaces the old one.
   */
  keepMovedState?: (moved: ReadonlyMap<string, unknown>) => void;
  lock?: LockOptions;
}

/** "config.corrupt-2026-11-28T10-15-02Z.json": sortable, and legal on every file system. */
export function setAsideName(filePath: string, at: number, attempt = 0): string {
  const stamp = new Date(at)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
  const extension = path.extname(filePath);
  const base = path.basename(filePath, extension);
  const suffix = attempt === 0 ? '' : `-${attempt}`;
  return path.join(path.dirname(filePath), `${base}.corrupt-${stamp}${suffix}${extension}`);
}

/** Why the store could not read it, without echoing file content (JSON.parse quotes a snippet). */
function readProblem(error: unknown): string {
  if (error instanceof SyntaxError) return 'is not valid JSON';
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return `could not be read (${code ?? 'unknown error'})`;
}

type Loaded =
  | { kind: 'missing' }
  | { kind: 'usable'; document: SettingsDocument; fromVersion: number; moved: Map<string, unknown> }
  | { kind: 'newer'; raw: Record<string, unknown>; error: NewerSettingsError }
  | { kind: 'invalid'; problem: string };

export class SettingsFile {
  #setAside: string | null = null;
  readonly #newId: () => string;

  constructor(
    private readonly store: DocumentStore,
    private readonly options: SettingsFileOptions,
  ) {
    this.#newId = options.newId ?? randomUUID;
  }

  get path(): string {
    return this.store.path;
  }

  /** Where the last change moved an unusable file, or null. */
  get setAside(): string | null {
    return this.#setAside;
  }

  /** The file as it is now. Writes nothing, renames nothing. */
  read(): SettingsRead {
    const loaded = this.#load();
    switch (loaded.kind) {
      case 'missing':
        return { document: defaultDocument(), state: { kind: 'missing' } };
      case 'usable':
        return {
          document: loaded.document,
          state:
            loaded.fromVersion < SCHEMA_VERSION
              ? { kind: 'older', fromVersion: loaded.fromVersion }
              : { kind: 'current' },
        };
      case 'newer':
        return {
          document: parseNewerDocument(loaded.raw),
          state: {
            kind: 'newer',
            schemaVersion: loaded.error.schemaVersion,
            message: this.#newerMessage(loaded.error),
          },
        };
      case 'invalid':
        return {
          document: defaultDocument(),
          state: { kind: 'invalid', message: this.#invalidMessage(loaded.problem) },
        };
    }
  }

  /** Like read(), but throws NewerSettingsError when a change would be refused. */
  readForChange(): SettingsRead {
    const current = this.read();
    if (current.state.kind === 'newer') throw new NewerSettingsError(current.state.schemaVersion);
    return current;
  }

  /**
   * One change to the current file under the lock. `change` edits the document in place (or
   * throws, e.g. ValidationError, and nothing is written); the result must pass the schema.
   * Throws NewerSettingsError for a newer file, which stays untouched.
   */
  update<T>(change: (document: SettingsDocument) => T): { document: SettingsDocument; result: T } {
    ensurePrivateDir(path.dirname(this.path));
    return withSettingsLock(
      this.path,
      () => {
        // Under the lock no conf write is in progress: any temp file left is a crash's.
        removeLeftoverTemps(path.dirname(this.path), { includeUnowned: true });
        const loaded = this.#load();
        if (loaded.kind === 'newer') throw new NewerSettingsError(loaded.error.schemaVersion);
        const draft = loaded.kind === 'usable' ? structuredClone(loaded.document) : defaultDocument();
        const result = change(draft);
        const next = parseDocument(draft);
        if (loaded.kind === 'usable' && loaded.moved.size > 0) this.options.keepMovedState?.(loaded.moved);
        if (loaded.kind === 'invalid') this.#moveAside();
        this.store.write(next);
        return { document: structuredClone(next), result };
      },
      this.options.lock,
    );
  }

  /** Removes temp files a crashed writer left; run at start. */
  cleanLeftovers(): string[] {
    if (!existsSync(path.dirname(this.path))) return [];
    return withSettingsLock(
      this.path,
      () => removeLeftoverTemps(path.dirname(this.path), { includeUnowned: true }),
      this.options.lock,
    );
  }

  /** Changes whenever the file's content does (mtime and size alone miss a same-second, same-size edit). */
  signature(): string {
    try {
      const bytes = readFileSync(this.path);
      return `${bytes.length}:${createHash('sha256').update(bytes).digest('base64')}`;
    } catch (error) {
      return `absent:${(error as NodeJS.ErrnoException).code ?? 'error'}`;
    }
  }

  #load(): Loaded {
    let raw: unknown;
    try {
      raw = this.store.read();
    } catch (error) {
      return { kind: 'invalid', problem: readProblem(error) };
    }
    if (raw === undefined) return { kind: 'missing' };
    const moved = new Map<string, unknown>();
    try {
      const { document, fromVersion } = migrate(raw, { newId: this.#newId, movedState: moved });
      return { kind: 'usable', document: parseDocument(document), fromVersion, moved };
    } catch (error) {
      if (error instanceof NewerSettingsError) return { kind: 'newer', raw: raw as Record<string, unknown>, error };
      if (error instanceof SettingsFileProblem) return { kind: 'invalid', problem: error.message };
      throw error;
    }
  }

  #newerMessage(error: NewerSettingsError): string {
    return `The settings file ${this.path} was ${error.message}.`;
  }

  #invalidMessage(problem: string): string {
    return `The settings file ${this.path} ${problem}. Defaults are in use; the file will be set aside (not deleted) at the first change.`;
  }

  #moveAside(): void {
    const at = this.options.clock.now();
    let attempt = 0;
    while (existsSync(setAsideName(this.path, at, attempt))) attempt++;
    const target = setAsideName(this.path, at, attempt);
    renameSync(this.path, target);
    this.#setAside = target;
  }
}
