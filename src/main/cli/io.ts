/**
 * What a command needs from the outside world, passed in so tests can run a command
 * in-process with strings for streams and a fixed clock, exactly as the binary runs it.
 */
import type { Locale, Translate } from '../../shared/i18n/index.js';
import type { Clock } from '../core/ports.js';
import type { Services } from './services.js';

export interface Writer {
  write(chunk: string): unknown;
}

export type Env = Readonly<Record<string, string | undefined>>;

export interface CliIo {
  env: Env;
  /** Read only by --secret-stdin, and only its first line. */
  stdin: AsyncIterable<string | Uint8Array>;
  /** Present when standard input is a terminal: secrets are then read with echo off. */
  terminal?: { setRawMode(on: boolean): void };
  stdout: Writer;
  stderr: Writer;
  clock: Clock;
  /** Aborted on SIGINT/SIGTERM: the long-running commands stop cleanly on it. */
  interrupt: AbortSignal;
  /** The core's factories; tests replace some (an in-memory keychain, say). */
  services?: Partial<Services>;
}

/** What every command function receives: the arguments after its name, plus the world. */
export interface CommandContext extends CliIo {
  argv: readonly string[];
  locale: Locale;
  t: Translate;
  /** Only what a test replaced: each command takes its defaults where it uses them. */
  services: Partial<Services>;
}

/** A command resolves to its exit status. */
export type Command = (context: CommandContext) => Promise<number>;
