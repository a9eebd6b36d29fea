/**
 * The stored accounts as the one-shot commands see them: the same settings file and
 * keychain the desktop app uses, opened for the length of one command.
 */
import { sameLabel } from '../../shared/account-rules.js';
import type { AccountConfig } from '../../shared/types.js';
import { dataDir } from '../core/data-dir.js';
import { KeychainUnavailableError } from '../core/errors.js';
import { openSettings, type SettingsRepository } from '../core/settings/repository.js';
import { CliError, EXIT } from './exit.js';
import type { CommandContext } from './io.js';

export function openRepository(context: CommandContext): SettingsRepository {
  const store = context.services.openStore(dataDir(context.env));
  const repository = openSettings(store, context.clock);
  if (repository.setAside) {
    context.stderr.write(`${context.t('account.settings.setAside', { path: repository.setAside })}\n`);
  }
  return repository;
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
