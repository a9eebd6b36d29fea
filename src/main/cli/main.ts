/**
 * The command line: picks the command, runs it, and turns what it threw into a message on
 * stderr and an exit status. Errors the core throws on purpose are configuration problems
 * (exit 2); anything else is a bug, reported in one line without a stack.
 */
import { translator } from '../../shared/i18n/index.js';
import { ConfigurationError, KeychainUnavailableError, NotFoundError, ValidationError } from '../core/errors.js';
import { NewerSettingsError } from '../core/settings/schema.js';
import { AmbiguousSecretsError, ServeConfigError } from '../serve/secrets.js';
import { accounts } from './commands/accounts.js';
import { check } from './commands/check.js';
import { demo } from './commands/demo.js';
import { history } from './commands/history.js';
import { serve } from './commands/serve.js';
import { simulate } from './commands/simulate.js';
import { watch } from './commands/watch.js';
import { CliError, EXIT } from './exit.js';
import { fieldErrorsText } from './field-errors.js';
import type { CliIo, Command, CommandContext } from './io.js';
import { cliLocale } from './locale.js';
import { ambiguousSecretsText } from './serve-errors.js';
import { realServices } from './services.js';
import { packageVersion } from './version.js';

export const COMMANDS: Readonly<Record<string, Command>> = {
  check,
  accounts,
  watch,
  history,
  simulate,
  demo,
  serve,
};

function explain(context: CommandContext, error: unknown): { message: string; status: number } {
  const { t } = context;
  if (error instanceof CliError) return { message: error.message, status: error.status };
  if (error instanceof ValidationError) {
    return { message: error.fields.length > 0 ? fieldErrorsText(t, error.fields) : error.message, status: EXIT.usage };
  }
  if (error instanceof KeychainUnavailableError) {
    const key = error.reason === 'no-module' ? 'shell.keychain.noSupport' : 'account.secret.keychainUnavailable';
    return { message: t(key), status: EXIT.usage };
  }
  if (error instanceof NewerSettingsError) {
    return { message: t('account.settings.newerRefused', { version: error.schemaVersion }), status: EXIT.usage };
  }
  if (error instanceof AmbiguousSecretsError) return { message: ambiguousSecretsText(t, error), status: EXIT.usage };
  if (error instanceof ConfigurationError || error instanceof NotFoundError || error instanceof ServeConfigError) {
    return { message: error.message, status: EXIT.usage };
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { message: t('cli.error.internal', { detail }), status: 70 };
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const locale = cliLocale(io.env);
  const t = translator(locale);
  const [name, ...rest] = argv;
  const context: CommandContext = { ...io, argv: rest, locale, t, services: { ...realServices, ...io.services } };

  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${t('cli.help.main')}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v' || name === '-V' || name === 'version') {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr.write(`${t('cli.error.unknownCommand', { command: name })}\n`);
    return EXIT.usage;
  }
  try {
    return await command(context);
  } catch (error) {
    const { message, status } = explain(context, error);
    if (message !== '') io.stderr.write(`${message}\n`);
    return status;
  }
}
