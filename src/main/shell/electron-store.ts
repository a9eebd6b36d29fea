/**
 * The settings file inside Electron: electron-store over the same `config.json` the CLI opens
 * with conf, so both agree on one file, one format and one mode (0600). The lock and the
 * read-modify-write around it are core's (settings/settings-file.ts), the same for both.
 */
import Store from 'electron-store';
import path from 'node:path';
import { SETTINGS_FILE_NAME } from '../core/data-dir.js';
import type { DocumentStore } from '../core/ports.js';
import { documentStoreOver } from '../core/settings/conf-store.js';
import { PRIVATE_FILE_MODE } from '../core/files/private-files.js';

export function electronDocumentStore(dir: string): DocumentStore {
  return documentStoreOver(
    () => new Store<Record<string, unknown>>({ cwd: dir, name: 'config', configFileMode: PRIVATE_FILE_MODE }),
    path.join(dir, SETTINGS_FILE_NAME),
  );
}
