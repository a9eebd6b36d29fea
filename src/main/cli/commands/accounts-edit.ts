/**
 * `accounts edit <id|label> [--label] [--appkey] [--base-url] [--low] [--critical]
 * [--interval] [--enable|--disable]`: changes the given fields in place. The id stays, so
 * the history file and the alert episode stay with the account; no keychain is needed.
 * An empty --low or --critical ("") removes that threshold.
 */
import { validateAccount } from '../../../shared/account-rules.js';
import type { AccountInput } from '../../../shared/ipc.js';
import { ValidationError } from '../../core/errors.js';
import { updateAccount } from '../../core/settings/changes.js';
import { parseCommand } from '../args.js';
import { CliError, EXIT } from '../exit.js';
import type { CommandContext } from '../io.js';
import { openStored, requireAccount } from '../stored.js';
import { ACCOUNT_FIELD_OPTIONS, seconds } from './account-fields.js';

const OPTIONS = {
  ...ACCOUNT_FIELD_OPTIONS,
  enable: { type: 'boolean' },
  disable: { type: 'boolean' },
} as const;

export async function accountsEdit(context: CommandContext): Promise<number> {
  const { t } = context;
  const { values, positionals } = parseCommand(context, OPTIONS, { command: 'accounts', maxPositionals: 1 });
  if (values.help) {
    context.stdout.write(`${t('cli.help.accounts')}\n`);
    return EXIT.ok;
  }
  const ref = positionals[0];
  if (ref === undefined) throw new CliError(t('cli.error.missingArgument', { what: 'ID|LABEL', command: 'accounts' }));
  if (values.enable && values.disable) throw new CliError(t('cli.error.enableDisable'));
  const changes = Object.keys(OPTIONS).filter((name) => values[name as keyof typeof OPTIONS] !== undefined);
  if (changes.length === 0) throw new CliError(t('cli.error.nothingToEdit'));

  const stored = openStored(context);
  const current = requireAccount(context, stored.accounts(), ref);
  const { id, ...before } = current;
  const input: AccountInput = {
    ...before,
    label: values.label ?? before.label,
    appkey: values.appkey ?? before.appkey,
    baseUrl: values['base-url'] ?? before.baseUrl,
    pollIntervalSec: seconds(values.interval, before.pollIntervalSec),
    enabled: values.enable ? true : values.disable ? false : before.enabled,
  };
  if (values.low !== undefined) input.lowThreshold = values.low;
  if (values.critical !== undefined) input.criticalThreshold = values.critical;
  const otherLabels = stored
    .accounts()
    .filter((account) => account.id !== id)
    .map((account) => account.label);
  const fields = validateAccount(input, { otherLabels });
  if (fields.length > 0) throw new ValidationError('invalid account', fields);
  // Applied to the file as it is under the lock: a change made meanwhile by another process
  // (the app, watch) is kept, and the label is checked again against it.
  const updated = stored.file.update((document) => updateAccount(document, id, input)).result;
  context.stdout.write(`${t('cli.accounts.updated', { label: updated.label, id })}\n`);
  return EXIT.ok;
}
