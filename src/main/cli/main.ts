/**
 * The command line: picks the command, runs it, and turns what it threw into a message on
 * stderr and an exit status. Errors the core throws on purpose are configuration problems
 * (exit 2); anything else is a bug, reported in one line without a stack.
 *
 * Each command's module is imported only when that command runs: a one-shot `check` would
 * otherwise pay for loading zod, conf and the engine it never uses (the cold
 * start `npm run bench` measures as cli_cold_start_ratio). So nothing heavy is imported here.
 */
import { translator } from '../../shared/i18n/index.js';
import { ConfigurationError, KeychainUnavailableError, NotFoundError, ValidationError } from '../core/errors.js';
import { NewerSettingsError } from '../core/settings/newer-error.js';
import { AmbiguousSecretsError, ServeConfigError } from '../serve/secrets.js';
import { CliError, EXIT } from './exit.js';
import { fieldErrorsText } from './field-errors.js';
import type { CliIo, Command, CommandContext } from './io.js';
import { cliLocale } from './locale.js';
import { ambiguousSecretsText } from './serve-errors.js';
import { packageVersion } from './version.js';

export const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  check: async () => (await import('./commands/check.js')).check,
  accounts: async () => (await import('./commands/accounts.js')).accounts,
  watch: async () => (await import('./commands/watch.js')).watch,
  history: async () => (await import('./commands/history.js')).history,
  simulate: async () => (await import('./commands/simulate.js')).simulate,
  demo: async () => (await import('./commands/demo.js')).demo,
  serve: async () => (await import('./commands/serve.js')).serve,
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
  if (error instanceof ServeConfigError) return { message: error.text(t), status: EXIT.usage };
  if (error instanceof ConfigurationError || error instanceof NotFoundError) {
    return { message: error.message, status: EXIT.usage };
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { message: t('cli.error.internal', { detail }), status: 70 };
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const locale = cliLocale(io.env);
  const t = translator(locale);
  const [name, ...rest] = argv;
  const context: CommandContext = { ...io, argv: rest, locale, t, services: { ...io.services } };

  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${t('cli.help.main')}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v' || name === '-V' || name === 'version') {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr.write(`${t('cli.error.unknownCommand', { command: name })}\n`);
    return EXIT.usage;
  }
  try {
    const command = await load();
    return await command(context);
  } catch (error) {
    const { message, status } = explain(context, error);
    if (message !== '') io.stderr.write(`${message}\n`);
    return status;
  }
}
