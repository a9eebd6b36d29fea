/**
 * The stored accounts as the one-shot commands see them: the same settings file and
 * keychain the desktop app uses. Reading never changes the file: a newer or unusable file
 * is reported on stderr and left as it is; changes go through core's account store.
 */
import { sameLabel } from '../../shared/account-rules.js';
import type { AccountConfig } from '../../shared/types.js';
import type { AccountStoreDeps } from '../core/account-store.js';
import { dataDir } from '../core/data-dir.js';
import { KeychainUnavailableError } from '../core/errors.js';
import { openConfStore } from '../core/settings/conf-store.js';
import { openSettingsFile } from '../core/settings/open.js';
import type { SettingsFile } from '../core/settings/settings-file.js';
import { fileStateStore } from '../core/state/state-files.js';
import { CliError, EXIT } from './exit.js';
import type { CommandContext } from './io.js';
import { keychainOf } from './keychain.js';

export interface StoredSettings {
  file: SettingsFile;
  dataDir: string;
  /** The accounts as the file holds them now. */
  accounts(): AccountConfig[];
}

export function openStored(context: CommandContext): StoredSettings {
  const folder = dataDir(context.env);
  const file = openSettingsFile(
    context.services.openStore?.(folder) ?? openConfStore(folder),
    fileStateStore(folder),
    context.clock,
  );
  const { document, state } = file.read();
  if (state.kind === 'newer') {
    context.stderr.write(`${context.t('account.settings.newer', { path: file.path, version: state.schemaVersion })}\n`);
  } else if (state.kind === 'invalid') {
    context.stderr.write(`${context.t('account.settings.invalid', { problem: state.message })}\n`);
  }
  return { file, dataDir: folder, accounts: () => structuredClone(document.accounts) };
}

export function accountStoreOf(context: CommandContext, stored: StoredSettings): AccountStoreDeps {
  return { settings: stored.file, secrets: keychainOf(context), dataDir: stored.dataDir };
}

/** By id first, then by label (labels are unique, case-insensitively). */
export function findAccount(accounts: readonly AccountConfig[], ref: string): AccountConfig | undefined {
  return accounts.find((account) => account.id === ref) ?? accounts.find((account) => sameLabel(account.label, ref));
}

export function requireAccount(
  context: CommandContext,
  accounts: readonly AccountConfig[],
  ref: string,
): AccountConfig {
  const found = findAccount(accounts, ref);
  if (!found) throw new CliError(context.t('cli.error.unknownAccount', { account: ref }));
  return found;
}

/** A missing keychain is a setup problem the user can fix: exit 2 with what to install. */
export function keychainError(context: CommandContext, error: unknown): never {
  if (error instanceof KeychainUnavailableError) {
    const key = error.reason === 'no-module' ? 'shell.keychain.noSupport' : 'account.secret.keychainUnavailable';
    throw new CliError(context.t(key), EXIT.usage);
  }
  throw error;
}
