/**
 * The app's log file (electron-log's file transport, rotated to main.old.log at 1 MiB): start,
 * each poll's outcome and the next check's reason, notices and errors. Every line passes the
 * redactor first; an error is written as its name, message and stack, redacted the same way.
 */
import electronLog from 'electron-log/node';
import path from 'node:path';
import { createRedactor, type Redactor } from './redact.js';

export const LOG_FILE_NAME = 'main.log';
export const LOG_MAX_BYTES = 1024 * 1024;

export interface LogFile {
  readonly path: string;
  readonly folder: string;
  readonly redactor: Redactor;
  info(line: string): void;
  warn(line: string): void;
  error(line: string, error?: unknown): void;
}

export interface LogFileOptions {
  folder: string;
  maxBytes?: number;
  /** Also to stdout/stderr (development, self-test). */
  echo?: boolean;
}

let instances = 0;

export function openLogFile({ folder, maxBytes = LOG_MAX_BYTES, echo = false }: LogFileOptions): LogFile {
  // Its own logger instance: no global electron-log state shared with anything else.
  const logger = electronLog.create({ logId: `eiot-balance-${++instances}` });
  const file = path.join(folder, LOG_FILE_NAME);
  const transport = logger.transports.file;
  transport.resolvePathFn = () => file;
  transport.maxSize = maxBytes;
  transport.level = 'info';
  logger.transports.console.level = echo ? 'info' : false;
  const redactor = createRedactor();
  return {
    path: file,
    folder,
    redactor,
    info: (line) => logger.info(redactor.redact(line)),
    warn: (line) => logger.warn(redactor.redact(line)),
    error(line, error) {
      const detail = error === undefined ? '' : `: ${describeError(error)}`;
      logger.error(redactor.redact(`${line}${detail}`));
    },
  };
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause === undefined ? '' : `\ncaused by: ${describeError(error.cause)}`;
  return `${error.stack ?? `${error.name}: ${error.message}`}${cause}`;
}
