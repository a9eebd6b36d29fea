/**
 * `accounts set-secret <id|label> --secret-stdin`: replaces (or restores) an account's
 * secret in the keychain. The account, its history and its alert episode are untouched, so
 * rotating a secret never costs the history that `remove` + `add` would.
 */
import { validateSecret } from '../../../shared/account-rules.js';
import { ValidationError } from '../../core/errors.js';
import { parseCommand } from '../args.js';
import { CliError, EXIT } from '../exit.js';
import type { CommandContext } from '../io.js';
import { keychainOf } from '../keychain.js';
import { userSecret } from '../secret-input.js';
import { keychainError, openStored, requireAccount } from '../stored.js';

export async function accountsSetSecret(context: CommandContext): Promise<number> {
  const { t } = context;
  const { values, positionals } = parseCommand(
    context,
    { 'secret-stdin': { type: 'boolean' } },
    { command: 'accounts', maxPositionals: 1 },
  );
  if (values.help) {
    context.stdout.write(`${t('cli.help.accounts')}\n`);
    return EXIT.ok;
  }
  const ref = positionals[0];
  if (ref === undefined) throw new CliError(t('cli.error.missingArgument', { what: 'ID|LABEL', command: 'accounts' }));
  const account = requireAccount(context, openStored(context).accounts(), ref);
  const keychain = keychainOf(context);
  await keychain.get(account).catch((error: unknown) => keychainError(context, error));
  const secret = await userSecret(context, values['secret-stdin'] === true);
  const fields = validateSecret(secret);
  if (fields.length > 0) throw new ValidationError('invalid secret', fields);
  await keychain.set(account.id, secret).catch((error: unknown) => keychainError(context, error));
  context.stdout.write(`${t('cli.accounts.secretStored', { label: account.label, id: account.id })}\n`);
  return EXIT.ok;
}
