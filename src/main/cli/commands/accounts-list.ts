/**
 * `accounts list [--json]`: what is stored, with `hasSecret` in place of any secret. Without
 * a keychain (a headless server) the list still works: `hasSecret` is then null, unknown.
 */
import { KeychainUnavailableError } from '../../core/errors.js';
import { parseCommand } from '../args.js';
import { EXIT } from '../exit.js';
import { jsonLine } from '../format.js';
import type { CommandContext } from '../io.js';
import { keychainOf } from '../keychain.js';
import { keychainError, openStored } from '../stored.js';

export async function accountsList(context: CommandContext): Promise<number> {
  const { t } = context;
  const { values } = parseCommand(context, { json: { type: 'boolean' } }, { command: 'accounts' });
  if (values.help) {
    context.stdout.write(`${t('cli.help.accounts')}\n`);
    return EXIT.ok;
  }
  const stored = openStored(context).accounts();
  const keychain = keychainOf(context);
  let secrets: Array<string | null> | null = null;
  try {
    secrets = await Promise.all(stored.map((account) => keychain.get(account)));
  } catch (error) {
    if (!(error instanceof KeychainUnavailableError)) keychainError(context, error);
    if (stored.length > 0) context.stderr.write(`${t('cli.accounts.noKeychain')}\n`);
  }
  const rows = stored.map((account, index) => ({
    ...account,
    hasSecret: secrets === null ? null : Boolean(secrets[index]),
  }));

  if (values.json) {
    for (const row of rows) context.stdout.write(jsonLine(row));
    return EXIT.ok;
  }
  if (rows.length === 0) context.stdout.write(`${t('cli.accounts.none')}\n`);
  for (const row of rows) {
    const line = t('cli.accounts.row', {
      id: row.id,
      label: row.label,
      appkey: row.appkey,
      baseUrl: row.baseUrl,
      interval: row.pollIntervalSec,
      secret: t(
        row.hasSecret === null
          ? 'cli.accounts.secretUnknown'
          : row.hasSecret
            ? 'cli.accounts.hasSecret'
            : 'cli.accounts.noSecret',
      ),
      disabled: row.enabled ? '' : t('cli.accounts.disabled'),
    });
    context.stdout.write(`${line}\n`);
  }
  return EXIT.ok;
}
