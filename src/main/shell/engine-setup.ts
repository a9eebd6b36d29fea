/**
 * Builds the engine the app runs on, through the one production wiring (wiring/production.ts)
 * with the app's own pieces: the OS keychain (memory for the session when there is none) and
 * electron-store over the data folder's config.json. With `--demo`: the one demo set-up
 * (wiring/demo.ts), so a first look writes nothing to the keychain or the user's settings.
 */
import type { EngineApi } from '../core/engine-api.js';
import { systemClock, systemTimers, type Clock, type Timers } from '../core/ports.js';
import { KeychainSecretStore } from '../core/secrets/keytar.js';
import { SessionFallbackSecretStore } from '../core/secrets/session-fallback.js';
import { startDemo } from '../wiring/demo.js';
import { createProductionEngine } from '../wiring/production.js';
import { electronDocumentStore } from './electron-store.js';
import { rememberingSecrets } from './remembered-secrets.js';

export interface EngineContext {
  demo: boolean;
  /** Where config.json and history live (ignored in demo mode). */
  dataDir: string;
  version: string;
  /** The demo account's name, localised by the caller. */
  demoLabel: string;
  log(line: string): void;
  /** A secret the engine reads or writes: the log redacts it from then on. */
  rememberSecret(secret: string): void;
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
    const common = { version: context.version, log: context.log, clock, timers };
    if (!context.demo) {
      return createProductionEngine({
        ...common,
        dataDir: context.dataDir,
        secrets: rememberingSecrets(new SessionFallbackSecretStore(new KeychainSecretStore()), context.rememberSecret),
        store: electronDocumentStore(context.dataDir),
      });
    }
    const demo = await startDemo();
    const { engine, dispose } = createProductionEngine({
      ...common,
      dataDir: demo.dataDir,
      secrets: rememberingSecrets(demo.secrets, context.rememberSecret),
      store: electronDocumentStore(demo.dataDir),
    });
    return {
      engine,
      afterStart: () => demo.addAccount(engine, context.demoLabel),
      async dispose() {
        await dispose();
        await demo.close();
      },
    };
  };
}
