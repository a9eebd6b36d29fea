/**
 * Where a user's secret may come from: EIOT_SECRET, or standard input with --secret-stdin.
 * Never an argument (args.ts refuses --secret). At a terminal, --secret-stdin prompts with
 * echo off, so the secret never reaches the screen, a scrollback, a screen share or a tmux
 * log; from a pipe it reads the first line only.
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

const ENTER = new Set(['\r', '\n', '\u0004']);
const ERASE = new Set(['\u007f', '\b']);
const INTERRUPT = '\u0003';

/**
 * Reads one line from a terminal in raw mode, which turns the terminal's echo off: nothing
 * typed is printed. Backspace erases; Ctrl-C gives up (exit 130, as a shell expects).
 */
export async function readHidden(
  context: Pick<CommandContext, 'stdin' | 'stderr' | 't' | 'terminal'>,
): Promise<string> {
  const terminal = context.terminal;
  if (!terminal) return readFirstLine(context.stdin);
  // Echo off first: whatever is typed the moment the prompt shows must not reach the screen.
  terminal.setRawMode(true);
  context.stderr.write(context.t('cli.secret.prompt'));
  const decoder = new TextDecoder();
  let secret = '';
  let interrupted = false;
  try {
    reading: for await (const chunk of context.stdin) {
      const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      for (const char of text) {
        if (ENTER.has(char)) break reading;
        if (char === INTERRUPT) {
          interrupted = true;
          break reading;
        }
        if (ERASE.has(char)) secret = Array.from(secret).slice(0, -1).join('');
        else if (char >= ' ') secret += char;
      }
    }
  } finally {
    terminal.setRawMode(false);
    context.stderr.write('\n');
  }
  if (interrupted) throw new CliError('', 130);
  return secret;
}

/** Throws a usage error (exit 2) naming both ways when there is no secret. */
export async function userSecret(
  context: Pick<CommandContext, 'env' | 'stdin' | 'stderr' | 't' | 'terminal'>,
  fromStdin: boolean,
): Promise<string> {
  if (!fromStdin) {
    const secret = context.env[SECRET_ENV] ?? '';
    if (secret === '') throw new CliError(context.t('cli.error.missingSecret'));
    return secret;
  }
  const secret = context.terminal ? await readHidden(context) : await readFirstLine(context.stdin);
  if (secret === '') {
    throw new CliError(context.t(context.terminal ? 'cli.error.missingSecret' : 'cli.error.secretStdinEmpty'));
  }
  return secret;
}
