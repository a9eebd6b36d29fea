/**
 * Prints one account's result the way `check` promises: the reading on stdout (a line, or a
 * JSON object with --json), a failure's reason on stderr (plus its JSON object on stdout
 * with --json), and the exit status that goes with it.
 */
import type { FetchResult } from '../../shared/types.js';
import { EXIT, exitFor } from './exit.js';
import { failureLine, jsonFailure, jsonLine, jsonReading, readingLine } from './format.js';
import type { CommandContext } from './io.js';

export function reportResult(
  context: CommandContext,
  result: FetchResult,
  label: string | null,
  json: boolean,
): number {
  const { t, locale, stdout, stderr } = context;
  if (result.ok) {
    stdout.write(
      json ? jsonLine(jsonReading(result.reading, label)) : `${readingLine(t, locale, result.reading, label)}\n`,
    );
    return EXIT.ok;
  }
  if (json) stdout.write(jsonLine(jsonFailure(result.failure, label)));
  stderr.write(`${failureLine(t, result.failure, label)}\n`);
  return exitFor(result.failure);
}

/** A problem of ours before any request (no secret stored, say): exit 2, same two channels. */
export function reportConfigProblem(context: CommandContext, message: string, label: string, json: boolean): number {
  if (json) context.stdout.write(jsonLine({ account: label, error: { kind: 'config', message } }));
  context.stderr.write(`${message}\n`);
  return EXIT.usage;
}
