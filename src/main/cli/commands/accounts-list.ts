/** `accounts list [--json]`: what is stored, with `hasSecret` in place of any secret. */
import { parseCommand } from '../args.js';
import { EXIT } from '../exit.js';
import { jsonLine } from '../format.js';
import type { CommandContext } from '../io.js';
import { keychainError, openStored } from '../stored.js';

export async function accountsList(context: CommandContext): Promise<number> {
  const { t } = context;
  const { values } = parseCommand(context, { json: { type: 'boolean' } }, { command: 'accounts' });
  if (values.help) {
    context.stdout.write(`${t('cli.help.accounts')}\n`);
    return EXIT.ok;
  }
  const stored = openStored(context).accounts();
  const keychain = context.services.keychain();
  const secrets = await Promise.all(stored.map((account) => keychain.get(account))).catch((error: unknown) =>
    keychainError(context, error),
  );
  const rows = stored.map((account, index) => ({ ...account, hasSecret: Boolean(secrets[index]) }));

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
      secret: t(row.hasSecret ? 'cli.accounts.hasSecret' : 'cli.accounts.noSecret'),
      disabled: row.enabled ? '' : t('cli.accounts.disabled'),
    });
    context.stdout.write(`${line}\n`);
  }
  return EXIT.ok;
}
