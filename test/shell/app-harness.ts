/** Starts the real composition root on the fake `electron` with a hand-driven engine. */
import { FakeTime } from '../helpers/fake-time.js';
import { startApp, type AppDeps, type RunningApp } from '../../src/main/shell/app.js';
import { ShellFakeEngine } from './fake-engine.js';

export interface FakeEngineApp {
  app: RunningApp;
  engine: ShellFakeEngine;
  time: FakeTime;
  disposed: () => boolean;
}

export async function startWithFakeEngine(overrides: Partial<AppDeps> = {}): Promise<FakeEngineApp> {
  const engine = new ShellFakeEngine();
  const time = new FakeTime(Date.UTC(2026, 0, 5, 14, 0));
  let disposed = false;
  const app = await startApp({
    argv: [],
    env: {},
    platform: 'linux',
    timers: time,
    createEngine: async () => ({ engine, dispose: async () => void (disposed = true) }),
    trayHost: async () => 'present',
    keychainModule: async () => true,
    ...overrides,
  });
  if (!app) throw new Error('the app did not start');
  return { app, engine, time, disposed: () => disposed };
}
