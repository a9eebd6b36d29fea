/**
 * Builds the engine the app runs on. Normally: the undici client, the OS keychain (memory for
 * the session when there is none) and electron-store in the data folder. With `--demo`: the
 * built-in simulator with generated credentials, secrets in memory and a throwaway folder,
 * so a first look writes nothing to the keychain or the user's settings.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBalanceClient } from '../core/client/index.js';
import { createEngine } from '../core/engine.js';
import type { EngineApi } from '../core/engine-api.js';
import { systemClock, systemTimers, type Clock, type Timers } from '../core/ports.js';
import { KeychainSecretStore } from '../core/secrets/keytar.js';
import { MemorySecretStore } from '../core/secrets/memory.js';
import { SessionFallbackSecretStore } from '../core/secrets/session-fallback.js';
import { scenarioOptions, startSimulator } from '../simulator/index.js';
import { electronDocumentStore } from './electron-store.js';

export interface EngineContext {
  demo: boolean;
  /** Where config.json and history live (ignored in demo mode). */
  dataDir: string;
  version: string;
  /** The demo account's name, localised by the caller. */
  demoLabel: string;
  log(line: string): void;
}

export interface EngineBundle {
  engine: EngineApi;
  /** After engine.start(): e.g. add the demo account. */
  afterStart?(): Promise<void>;
  /** After engine.stop(): close sockets, servers, temporary folders. */
  dispose(): Promise<void>;
}

export type EngineFactory = (context: EngineContext) => Promise<EngineBundle>;

export function defaultEngineFactory(clock: Clock = systemClock, timers: Timers = systemTimers): EngineFactory {
  return async (context) => {
    const client = createBalanceClient({ version: context.version });
    const base = { clock, timers, random: Math.random, fetchBalance: client.fetchBalance, log: context.log };
    if (!context.demo) {
      const engine = createEngine({
        ...base,
        secrets: new SessionFallbackSecretStore(new KeychainSecretStore()),
        store: electronDocumentStore(context.dataDir),
        dataDir: context.dataDir,
      });
      return { engine, dispose: () => client.close() };
    }
    const credentials = {
      appkey: `demo-${randomBytes(4).toString('hex')}`,
      secret: randomBytes(18).toString('base64url'),
    };
    const simulator = await startSimulator({
      ...scenarioOptions('falling'),
      accounts: [credentials],
      host: '127.0.0.1',
    });
    const folder = await mkdtemp(path.join(tmpdir(), 'eiot-balance-demo-'));
    const engine = createEngine({
      ...base,
      secrets: new MemorySecretStore(),
      store: electronDocumentStore(folder),
      dataDir: folder,
    });
    return {
      engine,
      async afterStart() {
        if (engine.snapshot().accounts.length > 0) return;
        const account = {
          label: context.demoLabel,
          appkey: credentials.appkey,
          baseUrl: simulator.url,
          pollIntervalSec: 60,
          lowThreshold: '100.00',
          criticalThreshold: '50.00',
          enabled: true,
        };
        await engine.addAccount(account, credentials.secret);
      },
      async dispose() {
        await client.close();
        await simulator.close();
        await rm(folder, { recursive: true, force: true });
      },
    };
  };
}
