/**
 * The settings file as every part of the app opens it: with the migration's moved alert
 * state going to the state files (unless one is already there: that one is newer).
 */
import type { Clock, DocumentStore, StateStore } from '../ports.js';
import { SettingsFile } from './settings-file.js';

export function openSettingsFile(
  store: DocumentStore,
  state: StateStore,
  clock: Clock,
  newId?: () => string,
): SettingsFile {
  return new SettingsFile(store, {
    clock,
    ...(newId ? { newId } : {}),
    keepMovedState: (moved) => {
      for (const [accountId, alerts] of moved) if (!state.has(accountId)) state.write(accountId, alerts);
    },
  });
}
