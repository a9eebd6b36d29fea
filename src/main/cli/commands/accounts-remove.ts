/** `accounts remove <id|label>`: the account, its keychain entry and its history. */
import { dataDir } from '../../core/data-dir.js';
import { deleteHistory } from '../../core/history/file-store.js';
import { parseCommand } from '../args.js';
import { CliError, EXIT } from '../exit.js';
import type { CommandContext } from '../io.js';
import { keychainError, openRepository, requireAccount } from '../stored.js';

export async function accountsRemove(context: CommandContext): Promise<number> {
  const { t } = context;
  const { values, positionals } = parseCommand(context, {}, { command: 'accounts', maxPositionals: 1 });
  if (values.help) {
    context.stdout.write(`${t('cli.help.accounts')}\n`);
    return EXIT.ok;
  }
  const ref = positionals[0];
  if (ref === undefined) throw new CliError(t('cli.error.missingArgument', { what: 'ID|LABEL', command: 'accounts' }));
  const repository = openRepository(context);
  const account = requireAccount(context, repository.accounts(), ref);
  // The keychain entry goes first: if it cannot, the account stays listed and the user can retry.
  await context.services
    .keychain()
    .delete(account.id)
    .catch((error: unknown) => keychainError(context, error));
  repository.removeAccount(account.id);
  await deleteHistory(dataDir(context.env), account.id);
  context.stdout.write(`${t('cli.accounts.removed', { label: account.label, id: account.id })}\n`);
  return EXIT.ok;
}
