/** `eiot-balance watch [--json]`: the tray app's engine without the tray, until Ctrl-C. */
import { parseCommand } from '../args.js';
import { CliError, EXIT } from '../exit.js';
import { buildEngine } from '../engine-setup.js';
import type { CommandContext } from '../io.js';
import { untilInterrupted } from '../interrupted.js';
import { printLive } from '../live-printer.js';

export async function watch(context: CommandContext): Promise<number> {
  const { t } = context;
  const { values } = parseCommand(context, { json: { type: 'boolean' } }, { command: 'watch' });
  if (values.help) {
    context.stdout.write(`${t('cli.help.watch')}\n`);
    return EXIT.ok;
  }
  const { engine, close } = buildEngine(context);
  const stopPrinting = printLive(context, engine, values.json === true);
  try {
    await engine.start();
    const problem = engine.settingsProblem;
    if (problem?.kind === 'newer') {
      context.stderr.write(`${t('account.settings.newer', { path: problem.path, version: problem.schemaVersion })}\n`);
    } else if (problem) {
      context.stderr.write(`${t('account.settings.invalid', { problem: problem.message })}\n`);
    }
    const count = engine.snapshot().accounts.filter((account) => account.enabled).length;
    if (count === 0) throw new CliError(t('cli.error.noAccounts'));
    context.stderr.write(`${t('cli.watch.started', { count })}\n`);
    await untilInterrupted(context.interrupt);
  } finally {
    stopPrinting();
    await close();
  }
  return EXIT.ok;
}
