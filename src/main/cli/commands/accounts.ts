/** `eiot-balance accounts add|list|edit|set-secret|remove`: one file per subcommand, this one only picks. */
import { EXIT } from '../exit.js';
import type { CommandContext } from '../io.js';
import { accountsAdd } from './accounts-add.js';
import { accountsEdit } from './accounts-edit.js';
import { accountsList } from './accounts-list.js';
import { accountsRemove } from './accounts-remove.js';
import { accountsSetSecret } from './accounts-set-secret.js';

const SUBCOMMANDS = {
  add: accountsAdd,
  list: accountsList,
  edit: accountsEdit,
  'set-secret': accountsSetSecret,
  remove: accountsRemove,
} as const;

export async function accounts(context: CommandContext): Promise<number> {
  const [name, ...rest] = context.argv;
  if (name === undefined || name === '--help' || name === '-h') {
    context.stdout.write(`${context.t('cli.help.accounts')}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (!Object.hasOwn(SUBCOMMANDS, name)) {
    context.stderr.write(`${context.t('cli.error.unknownCommand', { command: `accounts ${name}` })}\n`);
    return EXIT.usage;
  }
  return SUBCOMMANDS[name as keyof typeof SUBCOMMANDS]({ ...context, argv: rest });
}
