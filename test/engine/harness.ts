/**
 * The whole engine on fake time against the real simulator over loopback HTTP: timers are
 * fired by hand, and each poll's real request is awaited before the test looks at state.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBalanceClient, type BalanceClient } from '../../src/main/core/client/index.js';
import { createEngine } from '../../src/main/core/engine.js';
import type { EngineApi, EngineDeps } from '../../src/main/core/engine-api.js';
import type { FetchBalance } from '../../src/main/core/ports.js';
import { MemorySecretStore } from '../../src/main/core/secrets/memory.js';
import { openConfStore } from '../../src/main/core/settings/conf-store.js';
import type { Simulator, SimulatorOptions } from '../../src/main/simulator/index.js';
import type { AccountInput } from '../../src/shared/ipc.js';
import type { FetchResult, Notice, Snapshot } from '../../src/shared/types.js';
import { FakeTime, settle } from '../helpers/fake-time.js';
import { startTestSimulator, TEST_ACCOUNT } from '../helpers/simulator.js';

export interface Harness {
  time: FakeTime;
  simulator: Simulator;
  engine: EngineApi;
  notices: Notice[];
  snapshots: Snapshot[];
  secrets: MemorySecretStore;
  dataDir: string;
  /** Fires the next due timer and waits for the poll it starts to be recorded. */
  poll(): Promise<FetchResult>;
  input(overrides?: Partial<AccountInput>): AccountInput;
  /** A second engine on the same files (a restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(
  script: Partial<SimulatorOptions>,
  /** Parts of the outside world a test replaces (a failing state store, a refusing keychain). */
  replace: (dataDir: string) => Partial<EngineDeps> = () => ({}),
): Promise<Harness> {
  const time = new FakeTime(Date.UTC(2026, 10, 28, 9, 0, 0));
  const simulator = await startTestSimulator({ clock: time, ...script });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eiot-engine-'));
  const secrets = new MemorySecretStore();
  const notices: Notice[] = [];
  const snapshots: Snapshot[] = [];
  let client: BalanceClient = createBalanceClient({ version: 'test', clock: time });
  let waiting: ((result: FetchResult) => void) | null = null;
  let started = false;
  const fetchBalance: FetchBalance = async (account, secret, options) => {
    started = true;
    const result = await client.fetchBalance(account, secret, options);
    waiting?.(result);
    return result;
  };
  const make = () =>
    createEngine({
      clock: time,
      timers: time,
      random: () => 0.5,
      fetchBalance,
      secrets,
      store: openConfStore(dataDir),
      dataDir,
      ...replace(dataDir),
    });
  const attach = (engine: EngineApi) => {
    engine.onNotice((notice) => notices.push(notice));
    engine.subscribe((snapshot) => snapshots.push(snapshot));
  };
  const harness: Harness = {
    time,
    simulator,
    engine: make(),
    notices,
    snapshots,
    secrets,
    dataDir,
    async poll() {
      const result = new Promise<FetchResult>((resolve) => (waiting = resolve));
      started = false;
      // Other timers (the staleness check) may be due first: fire until a request goes out.
      for (let i = 0; i < 10 && !started; i++) await time.fireNext();
      if (!started) throw new Error('no poll was due');
      const value = await result;
      waiting = null;
      await settle();
      return value;
    },
    input: (overrides = {}) => ({
      label: 'Main',
      appkey: TEST_ACCOUNT.appkey,
      baseUrl: simulator.url,
      pollIntervalSec: 60,
      lowThreshold: '100.00',
      criticalThreshold: '50.00',
      enabled: true,
      ...overrides,
    }),
    async restart() {
      await harness.engine.stop();
      await client.close();
      client = createBalanceClient({ version: 'test', clock: time });
      harness.engine = make();
      attach(harness.engine);
      await harness.engine.start();
    },
    async close() {
      await harness.engine.stop();
      await client.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  attach(harness.engine);
  await harness.engine.start();
  return harness;
}
