/**
 * The whole desktop app on the fake `electron`: the real composition root, the real engine and
 * undici client, electron-store in a temporary folder, and the simulator over loopback HTTP.
 * Time is FakeTime; each poll's real request is awaited before the test looks at the tray.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  app,
  FakeBrowserWindow,
  FakeNotification,
  FakeTray,
  ipcMain,
  net,
  powerMonitor,
  resetElectron,
} from '../fakes/electron.js';
import { createBalanceClient } from '../../src/main/core/client/index.js';
import { createEngine } from '../../src/main/core/engine.js';
import { MemorySecretStore } from '../../src/main/core/secrets/memory.js';
import { FAULTS } from '../../src/main/simulator/index.js';
import { STALE_GRACE_MS } from '../../src/main/core/status.js';
import { startApp } from '../../src/main/shell/app.js';
import { electronDocumentStore } from '../../src/main/shell/electron-store.js';
import type { FetchResult } from '../../src/shared/types.js';
import { FakeTime, settle } from '../helpers/fake-time.js';
import { startTestSimulator, stopTestSimulators, TEST_ACCOUNT } from '../helpers/simulator.js';

vi.mock('electron', async () => (await import('../fakes/electron.js')).electronModule);

const INTERVAL_SEC = 300;
const folders: string[] = [];
afterEach(async () => {
  await stopTestSimulators();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function startEndToEnd() {
  resetElectron();
  const home = mkdtempSync(path.join(tmpdir(), 'eiot-shell-e2e-'));
  folders.push(home);
  const time = new FakeTime(Date.UTC(2026, 0, 5, 9, 0));
  const simulator = await startTestSimulator({ clock: time, balance: { values: ['150.00'] } });
  const client = createBalanceClient({ version: 'test', clock: time });
  let started = 0;
  let current: Promise<FetchResult> = Promise.reject(new Error('no poll yet'));
  current.catch(() => undefined);
  const running = await startApp({
    argv: [],
    env: { EIOT_BALANCE_HOME: home },
    platform: 'linux',
    timers: time,
    createEngine: async (context) => ({
      engine: createEngine({
        clock: time,
        timers: time,
        random: () => 0.5,
        fetchBalance: (account, secret, options) => {
          started++;
          current = client.fetchBalance(account, secret, options);
          return current;
        },
        secrets: new MemorySecretStore(),
        store: electronDocumentStore(context.dataDir),
        dataDir: context.dataDir,
      }),
      dispose: () => client.close(),
    }),
  });
  if (!running) throw new Error('not started');
  const tray = FakeTray.instances[0];
  if (!tray) throw new Error('no tray');
  const windowContents = () => {
    const window = FakeBrowserWindow.instances.at(-1);
    if (!window) throw new Error('no window');
    return window.webContents;
  };
  const invoke = async (channel: string, payload: unknown) => {
    await windowContents().finishedLoad;
    return ipcMain.invoke(channel, { contents: windowContents() }, payload);
  };
  return {
    home,
    time,
    simulator,
    running,
    tray,
    invoke,
    /** Fires timers in order until one starts a poll, then waits for its answer. */
    async nextPoll(): Promise<FetchResult> {
      const before = started;
      for (let i = 0; i < 100 && started === before; i++) await time.fireNext();
      if (started === before) throw new Error('no poll was due');
      const result = await current;
      await settle();
      return result;
    },
    setBalance(value: string) {
      simulator.setScenario({ balance: { values: [value] }, faults: {} });
    },
    titles: () => FakeNotification.instances.map((notification) => notification.title),
  };
}

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('desktop app end to end', () => {
  test('balance in the tray; low then critical give exactly two notifications; a top-up re-arms; a failing server goes stale on time keeping the last figure; quit stops cleanly', async () => {
    const e2e = await startEndToEnd();
    const { tray } = e2e;
    expect(tray.tooltip).toBe('EIOT Balance: no account yet');

    tray.contextMenu?.click('Add an account…');
    expect(await e2e.invoke('settings:set', { patch: { forecastWarnDays: 0 } })).toMatchObject({ ok: true });
    const added = await e2e.invoke('accounts:add', {
      account: {
        label: 'Main',
        appkey: TEST_ACCOUNT.appkey,
        baseUrl: e2e.simulator.url,
        pollIntervalSec: INTERVAL_SEC,
        lowThreshold: '100.00',
        criticalThreshold: '50.00',
        enabled: true,
      },
      secret: TEST_ACCOUNT.secret,
    });
    expect(added).toMatchObject({ ok: true, value: { label: 'Main', hasSecret: true } });

    expect(await e2e.nextPoll()).toMatchObject({ ok: true });
    expect(plain(tray.tooltip)).toMatch(/^Main: USD 150\.00 · \d\d:\d\d$/);
    expect(tray.iconFile()).toBe('ok.png');

    e2e.setBalance('90.00');
    await e2e.nextPoll();
    expect(tray.iconFile()).toBe('low.png');
    e2e.setBalance('40.00');
    await e2e.nextPoll();
    await e2e.nextPoll();
    expect(tray.iconFile()).toBe('critical.png');
    expect(e2e.titles()).toEqual(['Main: balance low', 'Main: balance critical']);
    expect(FakeNotification.instances[0]?.closed).toBe(true);

    e2e.setBalance('200.00');
    await e2e.nextPoll();
    expect(tray.iconFile()).toBe('ok.png');
    const afterTopUp = e2e.titles().length;
    expect(e2e.titles()).toContain('Main: top-up received');
    e2e.setBalance('90.00');
    await e2e.nextPoll();
    expect(e2e.titles().slice(afterTopUp)).toEqual(['Main: balance low']);

    // The server fails and asks for an hour's patience: no alarm yet, then stale on time.
    const lastGood = e2e.time.now();
    e2e.simulator.setScenario({ faults: () => FAULTS.unavailable('3600') });
    expect(await e2e.nextPoll()).toMatchObject({ ok: false, failure: { status: 503 } });
    expect(tray.iconFile()).toBe('low.png');
    const staleAt = lastGood + 2 * INTERVAL_SEC * 1000 + STALE_GRACE_MS;
    await e2e.time.advance(staleAt - e2e.time.now() - 1000);
    expect(tray.iconFile()).toBe('low.png');
    await e2e.time.advance(2000);
    expect(tray.iconFile()).toBe('stale.png');
    expect(plain(tray.tooltip)).toContain('Main: USD 90.00');
    expect(plain(tray.tooltip)).toContain('Out of date: HTTP 503 from the server');

    tray.contextMenu?.click('Quit');
    await e2e.running.quit();
    expect(app.exited).toBe(0);
    expect(e2e.time.timerCount).toBe(0);
    const config = readFileSync(path.join(e2e.home, 'config.json'), 'utf8');
    expect(config).toContain('"Main"');
    expect(config).not.toContain(TEST_ACCOUNT.secret);
  });

  test('suspend stops polling, resume polls again; a second instance focuses the window', async () => {
    const e2e = await startEndToEnd();
    e2e.tray.contextMenu?.click('Add an account…');
    await e2e.invoke('accounts:add', {
      account: {
        label: 'Main',
        appkey: TEST_ACCOUNT.appkey,
        baseUrl: e2e.simulator.url,
        pollIntervalSec: INTERVAL_SEC,
        enabled: true,
      },
      secret: TEST_ACCOUNT.secret,
    });
    await e2e.nextPoll();
    const calls = e2e.simulator.calls;

    powerMonitor.emit('suspend');
    await e2e.time.advance(3 * INTERVAL_SEC * 1000);
    expect(e2e.simulator.calls).toBe(calls);

    powerMonitor.emit('resume');
    expect(await e2e.nextPoll()).toMatchObject({ ok: true });
    expect(e2e.simulator.calls).toBe(calls + 1);

    // Offline (sampled), no polls; online again, a poll.
    net.online = false;
    await e2e.time.advance(3 * INTERVAL_SEC * 1000);
    expect(e2e.simulator.calls).toBe(calls + 1);
    net.online = true;
    expect(await e2e.nextPoll()).toMatchObject({ ok: true });

    const window = FakeBrowserWindow.instances[0];
    window?.close();
    app.emit('second-instance', {}, [], '/');
    const reopened = FakeBrowserWindow.instances.at(-1);
    expect(reopened).not.toBe(window);
    expect(reopened?.isDestroyed()).toBe(false);
    expect(reopened?.focused).toBeGreaterThan(0);

    await e2e.running.quit();
    expect(e2e.time.timerCount).toBe(0);
  });

  test('--demo runs against the built-in simulator and writes nothing to the data folder', async () => {
    resetElectron();
    const home = mkdtempSync(path.join(tmpdir(), 'eiot-shell-demo-'));
    folders.push(home);
    const running = await startApp({ argv: ['--demo'], env: { EIOT_BALANCE_HOME: home }, platform: 'linux' });
    if (!running) throw new Error('not started');
    await vi.waitFor(() => expect(running.engine.snapshot().accounts[0]?.lastReading).not.toBeNull(), {
      timeout: 10_000,
    });
    const [demo] = running.engine.snapshot().accounts;
    expect(demo).toMatchObject({ label: 'Demo account', hasSecret: true, status: 'ok' });
    expect(plain(FakeTray.instances[0]?.tooltip ?? '')).toContain('Demo account: USD 150.00');
    await running.quit();
    expect(existsSync(path.join(home, 'config.json'))).toBe(false);
  });
});
