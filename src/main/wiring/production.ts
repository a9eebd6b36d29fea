/**
 * The one production wiring of the engine, shared by the desktop app (shell/engine-setup.ts),
 * the CLI (`watch`, `demo`: cli/engine-setup.ts) and the headless service (serve/engine.ts):
 * the undici client, system time, the settings file with its folder watcher, the state
 * files. Each front end passes only what differs: its secret store, its settings-file
 * backend (electron-store in the app, conf elsewhere) and where log lines go.
 */
import path from 'node:path';
import { createBalanceClient } from '../core/client/index.js';
import { SETTINGS_FILE_NAME } from '../core/data-dir.js';
import { createEngine } from '../core/engine.js';
import type { EngineApi, EngineDeps } from '../core/engine-api.js';
import {
  systemClock,
  systemTimers,
  type Clock,
  type DocumentStore,
  type FetchBalance,
  type SecretStore,
  type Timers,
} from '../core/ports.js';
import type { Limiter } from '../core/limiter.js';
import { openConfStore } from '../core/settings/conf-store.js';
import { watchSettingsFolder } from '../core/settings/watch-folder.js';

export interface ProductionOptions {
  dataDir: string;
  version: string;
  secrets: SecretStore;
  log: (line: string) => void;
  /** Proxy variables for the client; default none. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Default conf over `<dataDir>/config.json`; the app passes electron-store's. */
  store?: DocumentStore;
  clock?: Clock;
  timers?: Timers;
  /** Tests of a front end may point the engine at a stand-in. */
  fetchBalance?: FetchBalance;
  /** Caps the balance requests in flight across all accounts (serve); default no cap. */
  limiter?: Limiter;
  /** Spread the first polls over each account's interval (serve); default poll at once. */
  spreadFirstPolls?: boolean;
  /** Tell subscribers at most this often (serve); default after each tick. */
  snapshotEveryMs?: number;
  /** The CLI's in-process tests swap the engine constructor. */
  createEngine?: (deps: EngineDeps) => EngineApi;
}

export interface ProductionEngine {
  engine: EngineApi;
  /** After engine.stop(): closes the client's connection pool. */
  dispose(): Promise<void>;
}

export function createProductionEngine(options: ProductionOptions): ProductionEngine {
  const clock = options.clock ?? systemClock;
  const timers = options.timers ?? systemTimers;
  const client = createBalanceClient({ version: options.version, env: { ...options.env }, clock });
  const settingsPath = path.join(options.dataDir, SETTINGS_FILE_NAME);
  const engine = (options.createEngine ?? createEngine)({
    clock,
    timers,
    random: Math.random,
    fetchBalance: options.fetchBalance ?? client.fetchBalance,
    secrets: options.secrets,
    store: options.store ?? openConfStore(options.dataDir),
    dataDir: options.dataDir,
    watchSettings: (onChange) => watchSettingsFolder(settingsPath, timers, onChange),
    log: options.log,
    ...(options.limiter ? { limiter: options.limiter } : {}),
    ...(options.spreadFirstPolls ? { spreadFirstPolls: true } : {}),
    ...(options.snapshotEveryMs === undefined ? {} : { snapshotEveryMs: options.snapshotEveryMs }),
  });
  return { engine, dispose: () => client.close() };
}
