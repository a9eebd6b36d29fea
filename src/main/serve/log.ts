/**
 * The service's JSON log (pino) on a writer, with a last guard: any known secret that
 * reached a line is replaced before the line is written. pino is imported on demand so
 * the other commands do not pay for loading it.
 */
import type { Logger } from 'pino';
import type { LogLevel } from './options.js';

export interface LineWriter {
  write(chunk: string): unknown;
}

const MIN_GUARDED_LENGTH = 6;

/** The secret as written raw and as JSON escapes it inside a string. */
function spellings(secret: string): string[] {
  const escaped = JSON.stringify(secret).slice(1, -1);
  return escaped === secret ? [secret] : [secret, escaped];
}

export function redactSecrets(line: string, secrets: readonly string[]): string {
  let clean = line;
  for (const secret of secrets) {
    if (secret.length < MIN_GUARDED_LENGTH) continue;
    for (const spelling of spellings(secret)) clean = clean.split(spelling).join('[redacted]');
  }
  return clean;
}

export async function createServeLog(
  writer: LineWriter,
  knownSecrets: () => readonly string[],
  level: LogLevel = 'info',
): Promise<Logger> {
  const { pino } = await import('pino');
  const destination = { write: (line: string) => void writer.write(redactSecrets(line, knownSecrets())) };
  return pino({ level, base: { service: 'eiot-balance' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}
