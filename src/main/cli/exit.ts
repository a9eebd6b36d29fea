/**
 * The exit statuses of issue 2, and the errors that carry one up to `main`. A command may
 * also simply return a status; throwing is for "stop here, this is what is wrong".
 */
import type { FetchFailure } from '../../shared/types.js';

export const EXIT = {
  ok: 0,
  /** The API answered with a failure code. */
  api: 1,
  /** Usage or configuration: the user must change the command or the setup. */
  usage: 2,
  /** Network, HTTP status or an answer we could not read. */
  transport: 3,
} as const;

export type ExitStatus = (typeof EXIT)[keyof typeof EXIT];

export function exitFor(failure: FetchFailure): ExitStatus {
  return failure.kind === 'api' ? EXIT.api : EXIT.transport;
}

/**
 * Several accounts, one status: the highest number wins. Order 3 > 2 > 1 > 0 puts "could not
 * even reach it" above "refused", which is what a script retrying on failure wants to know.
 */
export function worstExit(statuses: readonly number[]): number {
  return statuses.reduce((worst, status) => Math.max(worst, status), EXIT.ok);
}

/** Already localised; `main` prints the message on stderr and exits with `status`. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly status: number = EXIT.usage,
  ) {
    super(message);
  }
}
