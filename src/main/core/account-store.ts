/**
 * Adding and removing an account as ONE change across three places (the settings file, the
 * keychain, the history and state files), ordered so that a failure at any step leaves the
 * full old state or the full new state, never an account without its secret or a secret
 * without its account. The engine (app, watch, serve) and the CLI's `accounts add/remove`
 * both call these, so they behave the same.
 */
import { randomUUID } from 'node:crypto';
import { rmSync, renameSync } from 'node:fs';
import type { AccountInput } from '../../shared/ipc.js';
import type { AccountConfig } from '../../shared/types.js';
import { NotFoundError } from './errors.js';
import { historyPath } from './history/file-store.js';
import type { SecretStore } from './ports.js';
import { addAccount, checkAccount, removeAccount } from './settings/changes.js';
import type { SettingsFile } from './settings/settings-file.js';
import { statePath } from './state/state-files.js';

export interface AccountStoreDeps {
  settings: SettingsFile;
  secrets: SecretStore;
  dataDir: string;
  newId?: () => string;
}

/** Something cleanup could not do after the change itself succeeded. */
export type CleanupReport = (what: string, error: unknown) => void;

/**
 * Order: check against the current file, write the secret under the new id, then the
 * account. The keychain refusing leaves nothing behind; the file refusing takes the secret
 * back out. Throws ValidationError, NewerSettingsError, or what the keychain/disk threw.
 */
export async function addStoredAccount(
  deps: AccountStoreDeps,
  input: AccountInput,
  secret: string | undefined,
  report: CleanupReport = () => undefined,
): Promise<AccountConfig> {
  // Fail early on a bad form or a newer file, before anything touches the keychain.
  checkAccount(deps.settings.readForChange().document, input, null);
  const id = (deps.newId ?? randomUUID)();
  if (secret !== undefined) await deps.secrets.set(id, secret);
  try {
    // Checked again inside: another process may have taken the label meanwhile.
    return deps.settings.update((document) => addAccount(document, input, id)).result;
  } catch (error) {
    if (secret !== undefined) {
      await deps.secrets.delete(id).catch((cleanup: unknown) => report('secret of an account not added', cleanup));
    }
    throw error;
  }
}

/** Per-account files, renamed aside first so a failed removal can put them back. */
function stashFiles(dataDir: string, id: string): { restore(): void; discard(report: CleanupReport): void } {
  const moved: Array<[string, string]> = [];
  for (const file of [historyPath(dataDir, id), statePath(dataDir, id)]) {
    const aside = `${file}.removing`;
    try {
      renameSync(file, aside);
      moved.push([file, aside]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      for (const [back, from] of moved) renameSync(from, back);
      throw error;
    }
  }
  return {
    restore() {
      for (const [file, aside] of moved) renameSync(aside, file);
    },
    discard(report) {
      for (const [, aside] of moved) {
        try {
          rmSync(aside, { force: true });
        } catch (error) {
          report('history of a removed account', error);
        }
      }
    },
  };
}

/**
 * Order: history and state aside (reversible), the secret (its value kept to put back),
 * then the account. Any failure undoes the earlier steps; only discarding the set-aside
 * files comes after the point of no return.
 */
export async function removeStoredAccount(
  deps: AccountStoreDeps,
  id: string,
  report: CleanupReport = () => undefined,
): Promise<AccountConfig> {
  // A newer file would refuse the last step: refuse before touching anything.
  const found = deps.settings.readForChange().document.accounts.find((account) => account.id === id);
  if (!found) throw new NotFoundError(`No account with id ${id}`);
  const files = stashFiles(deps.dataDir, id);
  let secret: string | null;
  try {
    secret = await deps.secrets.get(found);
    await deps.secrets.delete(id);
  } catch (error) {
    files.restore();
    throw error;
  }
  try {
    const { result } = deps.settings.update((document) => removeAccount(document, id));
    files.discard(report);
    return result.account;
  } catch (error) {
    if (secret !== null) await deps.secrets.set(id, secret).catch((undo: unknown) => report('secret put back', undo));
    files.restore();
    throw error;
  }
}
