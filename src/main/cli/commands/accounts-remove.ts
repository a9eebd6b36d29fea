/** `accounts remove <id|label>`: the account, its keychain entry and its history. */
import { removeStoredAccount } from '../../core/account-store.js';
import { parseCommand } from '../args.js';
import { CliError, EXIT } from '../exit.js';
import type { CommandContext } from '../io.js';
import { accountStoreOf, keychainError, openStored, requireAccount } from '../stored.js';

export async function accountsRemove(context: CommandContext): Promise<number> {
  const { t } = context;
  const { values, positionals } = parseCommand(context, {}, { command: 'accounts', maxPositionals: 1 });
  if (values.help) {
    context.stdout.write(`${t('cli.help.accounts')}\n`);
    return EXIT.ok;
  }
  const ref = positionals[0];
  if (ref === undefined) throw new CliError(t('cli.error.missingArgument', { what: 'ID|LABEL', command: 'accounts' }));
  const stored = openStored(context);
  const account = requireAccount(context, stored.accounts(), ref);
  // Core orders the steps (history aside, keychain, file) and undoes them on failure: a
  // refused keychain leaves the account listed, with its secret, for the user to retry.
  await removeStoredAccount(accountStoreOf(context, stored), account.id).catch((error: unknown) =>
    keychainError(context, error),
  );
  context.stdout.write(`${t('cli.accounts.removed', { label: account.label, id: account.id })}\n`);
  return EXIT.ok;
}
