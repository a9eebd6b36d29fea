/**
 * The service's command-line options, checked before anything starts: each problem is
 * one sentence naming the option, for an operator reading a journal.
 */
import { isIP } from 'node:net';
import { DEFAULT_CONCURRENCY } from '../core/limiter.js';
import { ServeConfigError } from './secrets.js';

export const DEFAULT_PORT = 9464;
export const DEFAULT_HOST = '127.0.0.1';

export interface ServeFlags {
  port?: string;
  host?: string;
  'token-file'?: string;
  'secrets-file'?: string;
  'allow-unauthenticated'?: boolean;
  'max-connections'?: string;
  concurrency?: string;
  'log-level'?: string;
}

/** What the JSON log keeps: `warn` drops the informational lines (state changes, recoveries, top-ups). */
export const LOG_LEVELS = ['info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
const isLogLevel = (text: string): text is LogLevel => (LOG_LEVELS as readonly string[]).includes(text);

export interface ServeSettings {
  port: number;
  host: string;
  tokenFile?: string;
  secretsFile?: string;
  /** Listen beyond loopback without a token: the operator says the network is trusted. */
  allowUnauthenticated?: boolean;
  maxConnections?: number;
  /** Balance requests in flight at once, across all accounts. */
  concurrency?: number;
  logLevel?: LogLevel;
}

export const DEFAULT_MAX_CONNECTIONS = 64;

export function parseServeFlags(flags: ServeFlags): ServeSettings {
  const port = flags.port === undefined ? DEFAULT_PORT : Number(flags.port);
  if (flags.port !== undefined && (!/^\d+$/.test(flags.port) || port > 65_535)) {
    const value = flags.port;
    throw new ServeConfigError((t) => t('serve.error.port', { value }));
  }
  const host = flags.host ?? DEFAULT_HOST;
  if (host.trim() === '' || /[\s/]/.test(host)) {
    throw new ServeConfigError((t) => t('serve.error.host', { value: host }));
  }
  for (const option of ['token-file', 'secrets-file'] as const) {
    if (flags[option] === '') throw new ServeConfigError((t) => t('serve.error.needsPath', { option }));
  }
  const connections = flags['max-connections'];
  if (
    connections !== undefined &&
    (!/^\d+$/.test(connections) || Number(connections) < 1 || Number(connections) > 10_000)
  ) {
    throw new ServeConfigError((t) => t('serve.error.maxConnections', { value: connections }));
  }
  const concurrency = flags.concurrency;
  if (
    concurrency !== undefined &&
    (!/^\d+$/.test(concurrency) || Number(concurrency) < 1 || Number(concurrency) > 256)
  ) {
    throw new ServeConfigError((t) => t('serve.error.concurrency', { value: concurrency }));
  }
  const level = flags['log-level'];
  if (level !== undefined && !isLogLevel(level)) {
    throw new ServeConfigError((t) => t('serve.error.logLevel', { value: level }));
  }
  // Anyone on the network could read balances and account names: refuse unless told twice.
  if (!isLoopback(host) && flags['token-file'] === undefined && flags['allow-unauthenticated'] !== true) {
    throw new ServeConfigError((t) => t('serve.error.exposed', { host }));
  }
  return {
    port,
    host,
    maxConnections: connections === undefined ? DEFAULT_MAX_CONNECTIONS : Number(connections),
    concurrency: concurrency === undefined ? DEFAULT_CONCURRENCY : Number(concurrency),
    logLevel: level ?? 'info',
    ...(flags['allow-unauthenticated'] === true ? { allowUnauthenticated: true } : {}),
    ...(flags['token-file'] === undefined ? {} : { tokenFile: flags['token-file'] }),
    ...(flags['secrets-file'] === undefined ? {} : { secretsFile: flags['secrets-file'] }),
  };
}

/** Addresses only this machine can reach: no token is needed there. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '[::1]';
}
