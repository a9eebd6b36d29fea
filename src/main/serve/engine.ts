/** The production engine for the service: the real client, system time, the settings file. */
import { createBalanceClient } from '../core/client/index.js';
import { createEngine } from '../core/engine.js';
import type { EngineApi } from '../core/engine-api.js';
import { systemTimers, type Clock, type DocumentStore, type SecretStore } from '../core/ports.js';

export interface EngineFactoryDeps {
  secrets: SecretStore;
  /** The settings file, already opened by the service: pass it on rather than open another. */
  store: DocumentStore;
  dataDir: string;
  version: string;
  log: (line: string) => void;
}

export type EngineFactory = (deps: EngineFactoryDeps) => EngineApi;

/** The engine plus the HTTP client it owns, closed after the engine stops. */
export function productionEngine(deps: EngineFactoryDeps & { env: Record<string, string | undefined>; clock: Clock }): {
  engine: EngineApi;
  dispose(): Promise<void>;
} {
  const client = createBalanceClient({ version: deps.version, env: deps.env, clock: deps.clock });
  const engine = createEngine({
    clock: deps.clock,
    timers: systemTimers,
    random: Math.random,
    fetchBalance: client.fetchBalance,
    secrets: deps.secrets,
    store: deps.store,
    dataDir: deps.dataDir,
    log: deps.log,
  });
  return { engine, dispose: () => client.close() };
}
