/**
 * The core pieces the commands are built from, replaceable one by one: in-process tests swap
 * a few (an in-memory keychain) and keep the rest. Only the types live here: each default is
 * taken where it is used (cli/defaults.ts), so a command loads only the modules it runs
 * (`check --appkey` never loads conf, zod or the engine; see docs/DESIGN.md, cold start).
 */
import type { BalanceClient, BalanceClientOptions } from '../core/client/index.js';
import type { EngineApi, EngineDeps } from '../core/engine-api.js';
import type { DocumentStore, SecretStore } from '../core/ports.js';
import type { Simulator, SimulatorOptions } from '../simulator/index.js';

export interface Services {
  createClient(options: BalanceClientOptions): Pick<BalanceClient, 'fetchBalance' | 'close'>;
  /** The OS keychain; its methods throw KeychainUnavailableError when there is none. */
  keychain(): SecretStore;
  openStore(dataDir: string): DocumentStore;
  createEngine(deps: EngineDeps): EngineApi;
  startSimulator(options: SimulatorOptions): Promise<Simulator>;
}
