/** `eiot-balance accounts add|list|edit|set-secret|remove`: one file per subcommand, this one only picks. */
import { EXIT } from '../exit.js';
import type { CommandContext } from '../io.js';
import type { Command } from '../io.js';

// Loaded when run, like the commands themselves (main.ts).
const SUBCOMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  add: async () => (await import('./accounts-add.js')).accountsAdd,
  list: async () => (await import('./accounts-list.js')).accountsList,
  edit: async () => (await import('./accounts-edit.js')).accountsEdit,
  'set-secret': async () => (await import('./accounts-set-secret.js')).accountsSetSecret,
  remove: async () => (await import('./accounts-remove.js')).accountsRemove,
};

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
  const command = await SUBCOMMANDS[name]!();
  return command({ ...context, argv: rest });
}
