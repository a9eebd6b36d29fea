/**
 * `accounts add`: validates everything, makes sure the keychain works, checks the
 * credentials with one signed call (unless --no-verify), then saves the secret and the
 * account through core's account store (the same order and rollback as the app), so the
 * file never holds an account the command reported as not added.
 */
import { validateAccount, validateSecret } from '../../../shared/account-rules.js';
import type { AccountInput } from '../../../shared/ipc.js';
import { PRODUCTION_BASE_URL, type Reading } from '../../../shared/types.js';
import { ValidationError } from '../../core/errors.js';
import { parseCommand } from '../args.js';
import { CliError, EXIT, exitFor } from '../exit.js';
import { failureReason, money } from '../format.js';
import type { CommandContext } from '../io.js';
import { clientOf } from '../client.js';
import { userSecret } from '../secret-input.js';
import { addStoredAccount } from '../../core/account-store.js';
import { accountStoreOf, keychainError, openStored } from '../stored.js';
import { suggestedThresholds } from '../thresholds.js';
import { packageVersion } from '../version.js';
import { ACCOUNT_FIELD_OPTIONS, seconds } from './account-fields.js';

const OPTIONS = {
  ...ACCOUNT_FIELD_OPTIONS,
  'secret-stdin': { type: 'boolean' },
  'no-verify': { type: 'boolean' },
} as const;

/** One signed call with the new credentials; a failure stops the add with its reason. */
async function verify(context: CommandContext, input: AccountInput, secret: string): Promise<Reading> {
  const client = clientOf(context, { version: packageVersion(), env: { ...context.env } });
  try {
    const result = await client.fetchBalance(input, secret, { signal: context.interrupt });
    if (result.ok) return result.reading;
    const reason = failureReason(context.t, result.failure);
    throw new CliError(context.t('cli.error.verifyFailed', { reason }), exitFor(result.failure));
  } finally {
    await client.close();
  }
}

export async function accountsAdd(context: CommandContext): Promise<number> {
  const { t } = context;
  const { values } = parseCommand(context, OPTIONS, { command: 'accounts' });
  if (values.help) {
    context.stdout.write(`${t('cli.help.accounts')}\n`);
    return EXIT.ok;
  }
  const input: AccountInput = {
    label: values.label ?? '',
    appkey: values.appkey ?? '',
    baseUrl: values['base-url'] ?? PRODUCTION_BASE_URL,
    pollIntervalSec: seconds(values.interval),
    enabled: true,
  };
  if (values.low !== undefined) input.lowThreshold = values.low;
  if (values.critical !== undefined) input.criticalThreshold = values.critical;

  const stored = openStored(context);
  // A newer file is refused before a secret is asked for or the API is called.
  stored.file.readForChange();
  const otherLabels = stored.accounts().map((account) => account.label);
  const fields = validateAccount(input, { otherLabels });
  if (fields.length > 0) throw new ValidationError('invalid account', fields);
  const secret = await userSecret(context, values['secret-stdin'] === true);
  const secretFields = validateSecret(secret);
  if (secretFields.length > 0) throw new ValidationError('invalid secret', secretFields);

  const store = accountStoreOf(context, stored);
  // A read first: with no keychain this fails before anything is written or sent.
  await store.secrets
    .get({ id: 'eiot-balance-probe', label: '' })
    .catch((error: unknown) => keychainError(context, error));
  const reading = values['no-verify'] === true ? null : await verify(context, input, secret);
  const account = await addStoredAccount(store, input, secret).catch((error: unknown) => keychainError(context, error));
  context.stdout.write(`${account.id}\n`);
  if (reading) {
    const { label } = account;
    context.stderr.write(
      `${t('cli.accounts.verified', { label, money: money(reading.balance, reading.currency, context.locale) })}\n`,
    );
    const suggestion = suggestedThresholds(reading.balance);
    if (suggestion && input.lowThreshold === undefined && input.criticalThreshold === undefined) {
      context.stderr.write(`${t('cli.accounts.suggest', { ...suggestion, id: account.id })}\n`);
    }
  }
  return EXIT.ok;
}
