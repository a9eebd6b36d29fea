/** The service's engine: the one production wiring, with the service's secrets and log. */
import type { EngineApi } from '../core/engine-api.js';
import type { Clock, DocumentStore, SecretStore } from '../core/ports.js';
import { createProductionEngine, type ProductionEngine } from '../wiring/production.js';

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
export function productionEngine(
  deps: EngineFactoryDeps & { env: Record<string, string | undefined>; clock: Clock },
): ProductionEngine {
  return createProductionEngine(deps);
}
