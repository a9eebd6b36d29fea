/**
 * The one demo set-up, for the app's `--demo` and `eiot-balance demo`: the built-in
 * simulator playing a falling balance with random credentials, secrets in memory and a
 * throw-away data folder, so a first look writes nothing to the keychain or the user's
 * settings. The thresholds are crossed on every round of the `falling` scenario.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EngineApi } from '../core/engine-api.js';
import { MemorySecretStore } from '../core/secrets/memory.js';
import { isAtOrBelow } from '../core/status.js';
import { scenarioOptions, startSimulator, type Simulator, type SimulatorOptions } from '../simulator/index.js';

export const DEMO_LOW = '100.00';
export const DEMO_CRITICAL = '50.00';
const DEMO_SCRIPT = scenarioOptions('falling');

/**
 * Which balance request of the demo's script first answers at or under `threshold` (the
 * engine's own test for an alert): the demo says when to expect each alert, so
 * someone who stops it early knows they stopped before anything happened.
 */
export function demoCallsUntil(threshold: string): number | null {
  const { balance } = DEMO_SCRIPT;
  if (typeof balance !== 'function') return null;
  for (let call = 1; call <= 1_000; call++) if (isAtOrBelow(balance(call), threshold)) return call;
  return null;
}

export interface DemoSetup {
  simulator: Simulator;
  /** The throw-away data folder. */
  dataDir: string;
  secrets: MemorySecretStore;
  /** Adds the demo account (once: not when the engine already has one). */
  addAccount(engine: EngineApi, label: string): Promise<void>;
  /** After the engine stopped: closes the simulator and deletes the folder. */
  close(): Promise<void>;
}

export async function startDemo(
  start: (options: SimulatorOptions) => Promise<Simulator> = startSimulator,
): Promise<DemoSetup> {
  const credentials = {
    appkey: `demo-${randomBytes(4).toString('hex')}`,
    secret: randomBytes(18).toString('base64url'),
  };
  const simulator = await start({ ...DEMO_SCRIPT, accounts: [credentials], host: '127.0.0.1' });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'eiot-balance-demo-'));
  return {
    simulator,
    dataDir,
    secrets: new MemorySecretStore(),
    async addAccount(engine, label) {
      if (engine.snapshot().accounts.length > 0) return;
      await engine.addAccount(
        {
          label,
          appkey: credentials.appkey,
          baseUrl: simulator.url,
          pollIntervalSec: 60,
          lowThreshold: DEMO_LOW,
          criticalThreshold: DEMO_CRITICAL,
          enabled: true,
        },
        credentials.secret,
      );
    },
    async close() {
      await simulator.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
