/**
 * `eiot-balance check`: one account given by flags (issue 2), or the stored accounts with
 * their keychain secrets (issue 3). The two forms do not mix, so a stray flag cannot make
 * a stored account be checked with the wrong appkey or secret.
 */
import { parseCommand } from '../args.js';
import { CliError } from '../exit.js';
import type { CommandContext } from '../io.js';

export const CHECK_OPTIONS = {
  'base-url': { type: 'string' },
  appkey: { type: 'string' },
  'secret-stdin': { type: 'boolean' },
  timeout: { type: 'string' },
  account: { type: 'string' },
  json: { type: 'boolean' },
  nagios: { type: 'boolean' },
} as const;

export async function check(context: CommandContext): Promise<number> {
  const { values } = parseCommand(context, CHECK_OPTIONS, { command: 'check' });
  if (values.help) {
    context.stdout.write(`${context.t('cli.help.check')}\n`);
    return 0;
  }
  const direct = values.appkey !== undefined || values['base-url'] !== undefined || values['secret-stdin'] === true;
  if (direct && (values.account !== undefined || values.nagios === true)) {
    throw new CliError(context.t('cli.error.modeConflict'));
  }
  // Each form loads only its own modules: the direct form needs no settings file, zod or conf.
  if (direct) return (await import('./check-direct.js')).checkDirect(context, values);
  return (await import('./check-stored.js')).checkStored(context, values);
}
