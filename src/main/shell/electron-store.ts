/**
 * The settings file inside Electron: electron-store over the same `config.json` the CLI opens
 * with conf, so both agree on one file and one format.
 */
import Store from 'electron-store';
import path from 'node:path';
import { SETTINGS_FILE_NAME } from '../core/data-dir.js';
import type { DocumentStore } from '../core/ports.js';
import { documentStoreOver } from '../core/settings/conf-store.js';

export function electronDocumentStore(dir: string): DocumentStore {
  return documentStoreOver(
    () => new Store<Record<string, unknown>>({ cwd: dir, name: 'config' }),
    path.join(dir, SETTINGS_FILE_NAME),
  );
}
