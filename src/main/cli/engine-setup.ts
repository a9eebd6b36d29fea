/**
 * The engine as the command line runs it: the real clock and timers, the settings file and
 * history of the data folder (shared with the desktop app), and the keychain with a
 * session-only fallback, so a machine without one can still watch accounts whose secret
 * the engine holds... which, in a fresh process, is none: those accounts report no secret.
 */
import { dataDir } from '../core/data-dir.js';
import type { EngineApi } from '../core/engine-api.js';
import { systemTimers, type FetchBalance, type SecretStore } from '../core/ports.js';
import { SessionFallbackSecretStore } from '../core/secrets/session-fallback.js';
import type { CommandContext } from './io.js';
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
  const client = context.services.createClient({ version: packageVersion(), env: { ...context.env } });
  const folder = options.dataDir ?? dataDir(context.env);
  const engine = context.services.createEngine({
    clock: context.clock,
    timers: systemTimers,
    random: Math.random,
    fetchBalance: options.fetchBalance ?? client.fetchBalance,
    secrets: options.secrets ?? new SessionFallbackSecretStore(context.services.keychain()),
    store: context.services.openStore(folder),
    dataDir: folder,
  });
  return {
    engine,
    async close() {
      await engine.stop();
      await client.close();
    },
  };
}
