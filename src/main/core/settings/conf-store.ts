/**
 * The settings file as a DocumentStore. conf writes atomically (temp file + rename) and is
 * what electron-store wraps, so the CLI (conf) and the desktop app (electron-store) read
 * and write one file in one format. The adapter is written against the part of conf that
 * electron-store inherits, so the shell can pass an electron-store instance instead.
 */
import Conf from 'conf';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SETTINGS_FILE_NAME } from '../data-dir.js';
import { PRIVATE_FILE_MODE } from '../files/private-files.js';
import type { DocumentStore } from '../ports.js';

/** What conf and electron-store (a conf subclass) both offer. */
export interface ConfLike {
  readonly path: string;
  store: Record<string, unknown>;
}

/** How the engine gets its settings file for a data folder; the shell supplies its own. */
export type DocumentStoreFactory = (dataDir: string) => DocumentStore;

/**
 * `open` is called lazily and again after a failure: conf (and electron-store) parse the
 * file in their constructor and throw on invalid JSON, which must reach the repository as a
 * failed `read()` it can handle, not as a crash at startup. Never pass conf `schema`,
 * `defaults` or `migrations`: the schema lives in zod (schema.ts), and conf's migrations
 * would add an `__internal__` field the strict schema rejects.
 */
export function documentStoreOver(open: () => ConfLike, filePath: string): DocumentStore {
  let instance: ConfLike | null = null;
  const conf = (): ConfLike => (instance ??= open());
  return {
    path: filePath,
    read() {
      if (!existsSync(filePath)) return undefined;
      // conf hands back a null-prototype object; a plain copy behaves like parsed JSON.
      return { ...conf().store };
    },
    write(document) {
      conf().store = structuredClone(document) as Record<string, unknown>;
    },
  };
}

/** The plain-Node backend: `config.json` in `dataDir`. */
export const openConfStore: DocumentStoreFactory = (dataDir) =>
  documentStoreOver(
    () => new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'config', configFileMode: PRIVATE_FILE_MODE }),
    path.join(dataDir, SETTINGS_FILE_NAME),
  );
