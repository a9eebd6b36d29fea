/** The service's engine: the one production wiring, with the service's secrets and log. */
import type { EngineApi } from '../core/engine-api.js';
import { createLimiter } from '../core/limiter.js';
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

/** How often the service's metrics learn of the engine's changes. */
export const SNAPSHOT_EVERY_MS = 1_000;

/**
 * The engine plus the HTTP client it owns, closed after the engine stops. A service may
 * watch a thousand accounts: their requests share `concurrency` slots, and their first polls
 * are spread over the interval instead of all firing at start.
 */
export function productionEngine(
  deps: EngineFactoryDeps & { env: Record<string, string | undefined>; clock: Clock; concurrency: number },
): ProductionEngine {
  const { concurrency, ...rest } = deps;
  return createProductionEngine({
    ...rest,
    limiter: createLimiter(concurrency),
    spreadFirstPolls: true,
    // Metrics and counters need no more than one update a second.
    snapshotEveryMs: SNAPSHOT_EVERY_MS,
  });
}
