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
}

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
}

export const DEFAULT_MAX_CONNECTIONS = 64;

export function parseServeFlags(flags: ServeFlags): ServeSettings {
  const port = flags.port === undefined ? DEFAULT_PORT : Number(flags.port);
  if (flags.port !== undefined && (!/^\d+$/.test(flags.port) || port > 65_535)) {
    throw new ServeConfigError(`--port must be a whole number from 0 to 65535, not "${flags.port}"`);
  }
  const host = flags.host ?? DEFAULT_HOST;
  if (host.trim() === '' || /[\s/]/.test(host)) {
    throw new ServeConfigError(`--host must be an address or a host name, not "${host}"`);
  }
  for (const option of ['token-file', 'secrets-file'] as const) {
    if (flags[option] === '') throw new ServeConfigError(`--${option} needs a file path`);
  }
  const connections = flags['max-connections'];
  if (
    connections !== undefined &&
    (!/^\d+$/.test(connections) || Number(connections) < 1 || Number(connections) > 10_000)
  ) {
    throw new ServeConfigError(`--max-connections must be a whole number from 1 to 10000, not "${connections}"`);
  }
  const concurrency = flags.concurrency;
  if (
    concurrency !== undefined &&
    (!/^\d+$/.test(concurrency) || Number(concurrency) < 1 || Number(concurrency) > 256)
  ) {
    throw new ServeConfigError(`--concurrency must be a whole number from 1 to 256, not "${concurrency}"`);
  }
  // Anyone on the network could read balances and account names: refuse unless told twice.
  if (!isLoopback(host) && flags['token-file'] === undefined && flags['allow-unauthenticated'] !== true) {
    throw new ServeConfigError(
      `refusing to listen on ${host} without --token-file: anyone who can reach the port could read the balances. Give --token-file FILE, or --allow-unauthenticated if only trusted machines can reach it`,
    );
  }
  return {
    port,
    host,
    maxConnections: connections === undefined ? DEFAULT_MAX_CONNECTIONS : Number(connections),
    concurrency: concurrency === undefined ? DEFAULT_CONCURRENCY : Number(concurrency),
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
