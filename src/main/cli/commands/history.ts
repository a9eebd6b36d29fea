/**
 * `eiot-balance history [--account A] [--csv]`: the recorded readings, read from the
 * history files directly: going through the engine would mean starting it, which polls.
 */
import type { AccountConfig } from '../../../shared/types.js';
import { dataDir } from '../../core/data-dir.js';
import { toCsv } from '../../core/history/csv.js';
import { openHistory } from '../../core/history/file-store.js';
import { parseCommand } from '../args.js';
import { CliError, EXIT } from '../exit.js';
import { localTime, money } from '../format.js';
import type { CommandContext } from '../io.js';
import { openRepository, requireAccount } from '../stored.js';

const OPTIONS = { account: { type: 'string' }, csv: { type: 'boolean' } } as const;

export async function history(context: CommandContext): Promise<number> {
  const { t, locale, stdout } = context;
  const { values } = parseCommand(context, OPTIONS, { command: 'history' });
  if (values.help) {
    stdout.write(`${t('cli.help.history')}\n`);
    return EXIT.ok;
  }
  const all = openRepository(context).accounts();
  if (all.length === 0) throw new CliError(t('cli.error.noAccounts'));
  const chosen: AccountConfig[] = values.account !== undefined ? [requireAccount(context, all, values.account)] : all;
  if (values.csv && chosen.length > 1) throw new CliError(t('cli.error.csvNeedsAccount'));

  const folder = dataDir(context.env);
  for (const account of chosen) {
    const { log, setAside } = await openHistory(folder, account.id, context.clock.now());
    if (setAside) context.stderr.write(`${t('cli.history.setAside', { label: account.label, path: setAside })}\n`);
    const entries = log.entries();
    if (values.csv) {
      stdout.write(toCsv(account.label, entries));
      continue;
    }
    if (entries.length === 0) {
      stdout.write(`${t('cli.history.none', { label: account.label })}\n`);
      continue;
    }
    stdout.write(`${t('cli.history.header', { label: account.label })}\n`);
    for (const entry of entries) {
      const row = t('cli.history.row', {
        from: localTime(entry.firstAt),
        to: localTime(entry.lastAt),
        money: money(entry.balance, entry.currency, locale),
        topUp: entry.topUp ? t('cli.history.topUp') : '',
      });
      stdout.write(`${row}\n`);
    }
  }
  return EXIT.ok;
}
