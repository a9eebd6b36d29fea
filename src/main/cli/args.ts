/**
 * node:util parseArgs with the house rules on top: `--help` everywhere, messages in the
 * user's language naming the offending option, and `--secret` refused outright so a secret
 * never sits in the process list or the shell history.
 */
import { parseArgs } from 'node:util';
import { CliError } from './exit.js';
import type { CommandContext } from './io.js';

export type OptionSpec = Readonly<Record<string, { type: 'string' | 'boolean'; short?: string }>>;

export type OptionValues<O extends OptionSpec> = {
  [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean;
} & { help?: boolean };

export interface Parsed<O extends OptionSpec> {
  values: OptionValues<O>;
  positionals: string[];
}

interface ParseOptions {
  command: string;
  /** How many positional arguments the command takes (default none). */
  maxPositionals?: number;
  /** Only `simulate` may take `--secret`: the simulator's own test secret, not a user's. */
  allowSecretFlag?: boolean;
}

function isSecretFlag(argument: string): boolean {
  return argument === '--secret' || argument.startsWith('--secret=');
}

/**
 * parseArgs reads "--low -5" as a missing value followed by an unknown option "-5". A
 * string option followed by something shaped like a negative number takes it as its value,
 * so the user gets the real complaint ("cannot be negative") instead of a puzzle.
 */
function joinNegativeValues(args: readonly string[], options: OptionSpec): string[] {
  const joined: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const argument = args[index] as string;
    const next = args[index + 1];
    const name = argument.startsWith('--') ? argument.slice(2) : null;
    if (argument === '--') return [...joined, ...args.slice(index)];
    if (name !== null && options[name]?.type === 'string' && next !== undefined && /^-\.?\d/.test(next)) {
      joined.push(`${argument}=${next}`);
      index += 1;
    } else {
      joined.push(argument);
    }
  }
  return joined;
}

function quotedOption(message: string): string {
  return /'(-[^' ]+)/.exec(message)?.[1] ?? message;
}

export function parseCommand<O extends OptionSpec>(
  context: Pick<CommandContext, 'argv' | 't'>,
  options: O,
  { command, maxPositionals = 0, allowSecretFlag = false }: ParseOptions,
): Parsed<O> {
  const { t } = context;
  const args = joinNegativeValues(context.argv, options);
  const endOfOptions = args.indexOf('--');
  const flags = endOfOptions === -1 ? args : args.slice(0, endOfOptions);
  if (!allowSecretFlag && flags.some(isSecretFlag)) throw new CliError(t('cli.error.secretFlag'));

  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const option = quotedOption((error as Error).message);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new CliError(t('cli.error.arguments', { detail: t('cli.error.unknownOption', { option }), command }));
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = option.replace(/^-+/, '');
      const key = options[name]?.type === 'boolean' ? 'cli.error.optionNoValue' : 'cli.error.optionValue';
      throw new CliError(t('cli.error.arguments', { detail: t(key, { option }), command }));
    }
    throw error;
  }
  if (parsed.values.help !== true && parsed.positionals.length > maxPositionals) {
    const argument = parsed.positionals[maxPositionals] ?? '';
    throw new CliError(t('cli.error.unexpectedArgument', { argument, command }));
  }
  // parseArgs' own result type cannot follow the spread above; the shape is the one declared.
  return parsed as Parsed<O>;
}

/** A whole number option within bounds, or a usage error naming it. */
export function integerOption(
  t: CommandContext['t'],
  option: string,
  text: string | undefined,
  bounds: { min: number; max: number },
): number | undefined {
  if (text === undefined) return undefined;
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < bounds.min || value > bounds.max) {
    throw new CliError(t('cli.error.number', { option, ...bounds }));
  }
  return value;
}
