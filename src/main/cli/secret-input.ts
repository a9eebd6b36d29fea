/**
 * Where a user's secret may come from: EIOT_SECRET, or the first line of standard input
 * with --secret-stdin. Never an argument (args.ts refuses --secret).
 */
import { CliError } from './exit.js';
import type { CommandContext } from './io.js';

export const SECRET_ENV = 'EIOT_SECRET';

/** Stops at the first newline: a secret manager piping more lines must not be read further. */
export async function readFirstLine(stdin: AsyncIterable<string | Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text.includes('\n')) break;
  }
  return (text.split('\n')[0] ?? '').replace(/\r$/, '');
}

/** Throws a usage error (exit 2) naming both ways when there is no secret. */
export async function userSecret(
  context: Pick<CommandContext, 'env' | 'stdin' | 't'>,
  fromStdin: boolean,
): Promise<string> {
  const secret = fromStdin ? await readFirstLine(context.stdin) : (context.env[SECRET_ENV] ?? '');
  if (secret === '') throw new CliError(context.t('cli.error.missingSecret'));
  return secret;
}
