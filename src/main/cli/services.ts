/**
 * The core pieces the commands are built from, as one replaceable set: the binary uses the
 * real ones, in-process tests swap a few (an in-memory keychain) and keep the rest.
 */
import { createBalanceClient, type BalanceClient, type BalanceClientOptions } from '../core/client/index.js';
import { createEngine } from '../core/engine.js';
import type { EngineApi, EngineDeps } from '../core/engine-api.js';
import type { DocumentStore, SecretStore } from '../core/ports.js';
import { KeychainSecretStore } from '../core/secrets/keytar.js';
import { openConfStore } from '../core/settings/conf-store.js';
import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator/index.js';

export interface Services {
  createClient(options: BalanceClientOptions): Pick<BalanceClient, 'fetchBalance' | 'close'>;
  /** The OS keychain; its methods throw KeychainUnavailableError when there is none. */
  keychain(): SecretStore;
  openStore(dataDir: string): DocumentStore;
  createEngine(deps: EngineDeps): EngineApi;
  startSimulator(options: SimulatorOptions): Promise<Simulator>;
}

export const realServices: Services = {
  createClient: (options) => createBalanceClient(options),
  keychain: () => new KeychainSecretStore(),
  openStore: (dataDir) => openConfStore(dataDir),
  createEngine: (deps) => createEngine(deps),
  startSimulator: (options) => startSimulator(options),
};
