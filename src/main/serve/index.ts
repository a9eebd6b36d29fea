/**
 * `eiot-balance serve`: the engine headless, with Prometheus metrics and a status API.
 * Refuses to start rather than run half-configured: every enabled account needs a secret.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EngineApi } from '../core/engine-api.js';
import { systemClock, type Clock, type DocumentStore, type SecretStore } from '../core/ports.js';
import { openConfStore } from '../core/settings/conf-store.js';
import { DEFAULT_CONCURRENCY } from '../core/limiter.js';
import { productionEngine, type EngineFactory } from './engine.js';
import { logSecretCollisions } from './collision-log.js';
import { logEngineEvents } from './event-log.js';
import { createServeLog } from './log.js';
import { createMetrics } from './metrics.js';
import { isLoopback, type ServeSettings } from './options.js';
import {
  HeadlessSecretStore,
  ServeConfigError,
  ambiguousSecretsError,
  parseSecretsFile,
  readPrivateFile,
  type AccountRef,
} from './secrets.js';
import { createStatusServer } from './server.js';

export { AmbiguousSecretsError, ServeConfigError } from './secrets.js';
export { parseServeFlags, DEFAULT_HOST, DEFAULT_PORT, type ServeFlags, type ServeSettings } from './options.js';
export { productionEngine, type EngineFactory, type EngineFactoryDeps } from './engine.js';

type Env = Readonly<Record<string, string | undefined>>;

export interface Writer {
  write(chunk: string): unknown;
}

export interface ServeOptions extends ServeSettings {
  env: Env;
  stdout: Writer;
  stderr: Writer;
  dataDir: string;
  version: string;
  /** The settings file; default `config.json` in dataDir. */
  store?: DocumentStore;
  /** Builds the engine around the given secrets; default the production engine. */
  engineFactory?: EngineFactory;
  /** Consulted after the environment and the secrets file, e.g. the OS keychain. */
  fallbackSecrets?: SecretStore;
  clock?: Clock;
}

export interface RunningServe {
  readonly port: number;
  /** Stops accepting requests, stops the engine (aborting polls in flight, saving state). */
  close(): Promise<void>;
}

function readToken(file: string): string {
  const token = readPrivateFile(file, 'token file').trim();
  if (token === '' || /\s/.test(token)) throw new ServeConfigError((t) => t('serve.error.tokenLine', { file }));
  return token;
}

/** Names the accounts that cannot be polled, and where their secret could come from. */
function missingSecrets(engine: EngineApi, secrets: HeadlessSecretStore): ServeConfigError | null {
  const missing = engine
    .snapshot()
    .accounts.filter((account) => account.enabled && !account.hasSecret)
    .map((account) => ({ label: account.label, id: account.id, names: secrets.sourceNames(account) }));
  if (missing.length === 0) return null;
  return new ServeConfigError((t) => {
    const lines = missing.map(({ label, id, names }) =>
      t('serve.error.noSecretLine', { label, id, names: names.join(t('serve.error.or')) }),
    );
    return t(missing.length === 1 ? 'serve.error.noSecretOne' : 'serve.error.noSecretMany', {
      lines: lines.join('\n'),
    });
  });
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException): void =>
      reject(new ServeConfigError((t) => t('serve.error.listen', { host, port, reason: error.code ?? error.message })));
    server.once('error', failed);
    server.listen(port, host.replace(/^\[(.*)\]$/, '$1'), () => {
      server.off('error', failed);
      resolve();
    });
  });
}

export async function runServe(options: ServeOptions): Promise<RunningServe> {
  let running = false;
  const clock = options.clock ?? systemClock;
  const token = options.tokenFile === undefined ? undefined : readToken(options.tokenFile);
  const file =
    options.secretsFile === undefined
      ? undefined
      : parseSecretsFile(readPrivateFile(options.secretsFile, 'secrets file'), options.secretsFile);

  const store = options.store ?? openConfStore(options.dataDir);
  // The engine's own list, read on each lookup: the label comes with each request
  // (SecretStore.get({ id, label })), so nothing reads config.json before the engine does.
  let accounts: () => readonly AccountRef[] = () => [];
  const secrets = new HeadlessSecretStore({
    env: options.env,
    accounts: () => accounts(),
    ...(file ? { file } : {}),
    ...(options.fallbackSecrets ? { fallback: options.fallbackSecrets } : {}),
  });
  // JSON lines on stderr for the journal or a log collector; stdout keeps the one
  // "listening on" line that scripts wait for.
  const logger = await createServeLog(options.stderr, () => secrets.knownSecrets(), options.logLevel);
  const log = (line: string): void => logger.warn(line);
  const deps = { secrets, store, dataDir: options.dataDir, version: options.version, log };
  const { engine, dispose } = options.engineFactory
    ? { engine: options.engineFactory(deps), dispose: undefined }
    : productionEngine({
        ...deps,
        env: { ...options.env },
        clock,
        concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
      });
  // Not the snapshot: a lookup per account of a full snapshot each made start-up quadratic.
  accounts = () => engine.accountRefs();
  const metrics = createMetrics(engine, clock, options.version);
  const stopEventLog = logEngineEvents(engine, logger);
  let stopCollisionLog = (): void => {};

  const server = createStatusServer({
    metrics: () => metrics.current(),
    snapshot: () => engine.snapshot(),
    running: () => running,
    knownSecrets: () => secrets.knownSecrets(),
    log,
    host: options.host,
    ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
    ...(token === undefined ? {} : { token }),
  });

  const stopEngine = async (): Promise<void> => {
    stopEventLog();
    stopCollisionLog();
    metrics.close();
    await engine.stop();
    await dispose?.();
  };

  try {
    await engine.start();
    if (engine.snapshot().accounts.length === 0) {
      throw new ServeConfigError((t) => t('serve.error.noAccounts'));
    }
    const ambiguous = secrets.ambiguities();
    if (ambiguous.length > 0) throw ambiguousSecretsError(ambiguous, options.env);
    stopCollisionLog = logSecretCollisions(engine, secrets, logger, (name) => Object.hasOwn(options.env, name));
    const missing = missingSecrets(engine, secrets);
    if (missing) throw missing;
    await listen(server, options.port, options.host);
  } catch (error) {
    await stopEngine();
    throw error;
  }
  running = true;
  const port = (server.address() as AddressInfo).port;
  const shown = options.host.includes(':') && !options.host.startsWith('[') ? `[${options.host}]` : options.host;
  options.stdout.write(`eiot-balance serve ${options.version}: listening on http://${shown}:${port}/metrics\n`);
  logger.info({ event: 'listening', host: options.host, port, version: options.version }, 'listening');
  if (!isLoopback(options.host) && token === undefined) {
    log(
      `warning: listening on ${options.host} without --token-file: anyone who can reach this port can read the metrics and status`,
    );
  }

  let closing: Promise<void> | undefined;
  return {
    port,
    close() {
      closing ??= (async () => {
        logger.info({ event: 'stopping' }, 'stopping');
        running = false;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Keep-alive sockets of a scraper would hold close() open; requests in progress finish.
        server.closeIdleConnections();
        await Promise.all([closed, stopEngine()]);
      })();
      return closing;
    },
  };
}

/** Runs until the signal aborts (SIGTERM/SIGINT in the CLI), then shuts down: exit status 0. */
export async function serveUntil(options: ServeOptions, signal: AbortSignal): Promise<number> {
  const service = await runServe(options);
  if (!signal.aborted) await once(signal, 'abort');
  await service.close();
  return 0;
}
