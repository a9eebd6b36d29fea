/**
 * `eiot-balance serve`: the metrics service of src/main/serve, which builds its own
 * production engine; the CLI adds its data folder and the keychain as the last place to
 * look for a secret.
 */
import { dataDir } from '../../core/data-dir.js';
import { parseServeFlags, serveUntil } from '../../serve/index.js';
import { parseCommand } from '../args.js';
import { EXIT } from '../exit.js';
import type { CommandContext } from '../io.js';
import { keychainOf } from '../keychain.js';
import { packageVersion } from '../version.js';

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'token-file': { type: 'string' },
  'secrets-file': { type: 'string' },
  'allow-unauthenticated': { type: 'boolean' },
  'max-connections': { type: 'string' },
  concurrency: { type: 'string' },
  'log-level': { type: 'string' },
} as const;

export async function serve(context: CommandContext): Promise<number> {
  const { values } = parseCommand(context, OPTIONS, { command: 'serve' });
  if (values.help) {
    context.stdout.write(`${context.t('cli.help.serve')}\n`);
    return EXIT.ok;
  }
  return serveUntil(
    {
      ...parseServeFlags(values),
      env: context.env,
      stdout: context.stdout,
      stderr: context.stderr,
      dataDir: dataDir(context.env),
      version: packageVersion(),
      clock: context.clock,
      fallbackSecrets: keychainOf(context),
    },
    context.interrupt,
  );
}
