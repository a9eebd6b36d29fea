/**
 * The engine as the command line runs it, through the one production wiring: the settings
 * file and history of the data folder (shared with the desktop app, watched for changes),
 * and the keychain with a session-only fallback, so a machine without one can still watch
 * accounts whose secret the engine holds... which, in a fresh process, is none: those
 * accounts report no secret.
 */
import { dataDir } from '../core/data-dir.js';
import type { EngineApi } from '../core/engine-api.js';
import type { FetchBalance, SecretStore } from '../core/ports.js';
import { SessionFallbackSecretStore } from '../core/secrets/session-fallback.js';
import { openConfStore } from '../core/settings/conf-store.js';
import { createProductionEngine } from '../wiring/production.js';
import type { CommandContext } from './io.js';
import { keychainOf } from './keychain.js';
import { packageVersion } from './version.js';

export interface RunningEngine {
  engine: EngineApi;
  /** Stops polling, then closes the connection pool. */
  close(): Promise<void>;
}

export function buildEngine(
  context: CommandContext,
  options: { dataDir?: string; secrets?: SecretStore; fetchBalance?: FetchBalance } = {},
): RunningEngine {
  const folder = options.dataDir ?? dataDir(context.env);
  const { engine, dispose } = createProductionEngine({
    version: packageVersion(),
    env: context.env,
    clock: context.clock,
    dataDir: folder,
    secrets: options.secrets ?? new SessionFallbackSecretStore(keychainOf(context)),
    store: context.services.openStore?.(folder) ?? openConfStore(folder),
    log: (line) => void context.stderr.write(`eiot-balance: ${line}\n`),
    ...(context.services.createEngine ? { createEngine: context.services.createEngine } : {}),
    ...(options.fetchBalance ? { fetchBalance: options.fetchBalance } : {}),
  });
  return {
    engine,
    async close() {
      await engine.stop();
      await dispose();
    },
  };
}
