/** Runs `main` in this process with string streams: for paths a child process cannot reach (an in-memory keychain). */
import { main } from '../../src/main/cli/main.js';
import type { Services } from '../../src/main/cli/services.js';
import type { Clock } from '../../src/main/core/ports.js';
import type { CliRun } from './run-cli.js';

export interface InProcessOptions {
  env: Record<string, string>;
  stdin?: string;
  services?: Partial<Services>;
  clock?: Clock;
  interrupt?: AbortSignal;
  /** Called with everything printed so far after each write: a long-running command's progress. */
  onStdout?: (stdout: string) => void;
}

export async function runMain(argv: readonly string[], options: InProcessOptions): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const stdinText = options.stdin ?? '';
  const status = await main(argv, {
    env: options.env,
    stdin: (async function* () {
      if (stdinText) yield stdinText;
    })(),
    stdout: {
      write: (chunk: string) => {
        stdout += chunk;
        options.onStdout?.(stdout);
      },
    },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    clock: options.clock ?? { now: () => Date.now() },
    interrupt: options.interrupt ?? new AbortController().signal,
    ...(options.services ? { services: options.services } : {}),
  });
  return { status, stdout, stderr };
}
