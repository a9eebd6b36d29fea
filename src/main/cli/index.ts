/**
 * The `eiot-balance` binary: real streams, clock and signals, then `main`. SIGINT/SIGTERM
 * ask the running command to stop cleanly. Counting signals to force an exit does not work
 * here: a dependency of conf (when-exit) re-raises the signal it sees, so one Ctrl-C arrives
 * twice. Instead a shutdown that hangs is cut short after a grace period.
 */
import { isatty } from 'node:tty';
import { systemClock } from '../core/ports.js';
import { main } from './main.js';

const SHUTDOWN_GRACE_MS = 10_000;
const INTERRUPTED = 130;

const interrupt = new AbortController();
const onSignal = (): void => {
  if (interrupt.signal.aborted) return;
  interrupt.abort();
  setTimeout(() => process.exit(INTERRUPTED), SHUTDOWN_GRACE_MS).unref();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  // Touching process.stdin opens it; only --secret-stdin should, or a terminal could hold us open.
  stdin: { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() },
  // isatty, not process.stdin.isTTY: the latter would open standard input for every command.
  ...(isatty(0) ? { terminal: { setRawMode: (on: boolean) => process.stdin.setRawMode(on) } } : {}),
  stdout: process.stdout,
  stderr: process.stderr,
  clock: systemClock,
  interrupt: interrupt.signal,
});
