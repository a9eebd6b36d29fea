import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  app,
  dialog,
  FakeBrowserWindow,
  FakeNotification,
  FakeTray,
  ipcMain,
  listenerCount,
  net,
  powerMonitor,
  resetElectron,
} from '../fakes/electron.js';
import { APP_USER_MODEL_ID, startApp } from '../../src/main/shell/app.js';
import { ONLINE_SAMPLE_MS } from '../../src/main/shell/power.js';
import { account, reading, ShellFakeEngine } from './fake-engine.js';
import { startWithFakeEngine } from './app-harness.js';

vi.mock('electron', async () => (await import('../fakes/electron.js')).electronModule);

beforeEach(resetElectron);

const tray = () => {
  const found = FakeTray.instances[0];
  if (!found) throw new Error('no tray');
  return found;
};
const window = () => {
  const found = FakeBrowserWindow.instances.at(-1);
  if (!found) throw new Error('no window');
  return found;
};

describe('app lifecycle', () => {
  test('tells the user when the settings file cannot be used, naming the field', async () => {
    const engine = new ShellFakeEngine();
    engine.settingsProblem = {
      kind: 'invalid',
      message: 'The settings file /data/config.json has an invalid field at accounts[0].label: Too big',
    };
    await startApp({
      argv: [],
      env: {},
      platform: 'linux',
      createEngine: async () => ({ engine, dispose: async () => undefined }),
    });
    const shown = FakeNotification.instances.filter((n) => n.shown);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.body).toContain('/data/config.json has an invalid field at accounts[0].label');
  });

  test('tells the user when the settings file is from a newer version', async () => {
    const engine = new ShellFakeEngine();
    engine.settingsProblem = { kind: 'newer', schemaVersion: 4, path: '/data/config.json', message: 'newer' };
    await startApp({
      argv: [],
      env: {},
      platform: 'linux',
      createEngine: async () => ({ engine, dispose: async () => undefined }),
    });
    const shown = FakeNotification.instances.filter((n) => n.shown);
    expect(shown[0]?.body).toMatch(/newer version of EIOT Balance \(schema 4\)/);
  });

  test('a second launch hands over and quits without creating anything', async () => {
    app.singleInstance = false;
    const started = await startApp({
      argv: [],
      env: {},
      platform: 'linux',
      createEngine: async () => {
        throw new Error('must not build an engine');
      },
    });
    expect(started).toBeNull();
    expect(app.quitRequests).toBe(1);
    expect(FakeTray.instances).toHaveLength(0);
  });

  test('the first instance shows its window when a second one starts', async () => {
    await startWithFakeEngine();
    app.emit('second-instance', {}, [], '/');
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const first = window().focused;
    app.emit('second-instance', {}, [], '/');
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(window().focused).toBe(first + 1);
  });

  test('macOS: no Dock icon; Windows: the AppUserModelID is set', async () => {
    await startWithFakeEngine({ platform: 'darwin' });
    expect(app.dock?.hidden).toBe(true);
    expect(app.appUserModelId).toBeNull();
    resetElectron();
    await startWithFakeEngine({ platform: 'win32' });
    expect(app.appUserModelId).toBe(APP_USER_MODEL_ID);
    // The ID must be the installer's appId, or Windows shows notifications under another name.
    expect(readFileSync('electron-builder.yml', 'utf8')).toMatch(
      new RegExp(`^appId: ${APP_USER_MODEL_ID.replace(/\./g, '\\.')}$`, 'm'),
    );
  });

  test('closing the window keeps the app running, and the window is really destroyed', async () => {
    await startWithFakeEngine();
    tray().contextMenu?.click('Open EIOT Balance…');
    window().close();
    expect(window().isDestroyed()).toBe(true);
    app.emit('window-all-closed');
    expect(app.quitRequests).toBe(0);
    expect(app.exited).toBeNull();
  });

  test('launch at login: the setting shows the system truth, and only a change by the user writes it', async () => {
    // The user turned it on in System Settings while the app's setting still said off.
    app.systemOpenAtLogin = true;
    const { engine } = await startWithFakeEngine({ platform: 'darwin' });
    expect(engine.settings().launchAtLogin).toBe(true);
    expect(app.loginItemWrites).toBe(0);
    tray().contextMenu?.click('Start at login');
    expect(engine.settings().launchAtLogin).toBe(false);
    expect(app.loginItem).toEqual({ openAtLogin: false });
    expect(app.loginItemWrites).toBe(1);
    expect(tray().contextMenu?.template.find((item) => item.type === 'checkbox')?.checked).toBe(false);
    // Another setting changing writes nothing.
    engine.updateSettings({ notifications: false });
    expect(app.loginItemWrites).toBe(1);
  });

  test('launch at login is not re-applied at launch over the system', async () => {
    const engine = new ShellFakeEngine();
    engine.updateSettings({ launchAtLogin: true });
    await startWithFakeEngine({
      platform: 'win32',
      createEngine: async () => ({ engine, dispose: async () => undefined }),
    });
    expect(app.loginItemWrites).toBe(0);
    expect(engine.settings().launchAtLogin).toBe(false);
  });

  test('on Linux, launch at login writes and removes an XDG autostart entry', async () => {
    const config = mkdtempSync(path.join(tmpdir(), 'eiot-autostart-'));
    try {
      const env = { XDG_CONFIG_HOME: config, APPIMAGE: '/opt/My "Apps"/EIOT Balance.AppImage' };
      const { engine } = await startWithFakeEngine({ platform: 'linux', env });
      const entry = path.join(config, 'autostart', 'eiot-balance.desktop');
      tray().contextMenu?.click('Start at login');
      expect(engine.settings().launchAtLogin).toBe(true);
      const text = readFileSync(entry, 'utf8');
      expect(text).toContain('[Desktop Entry]');
      expect(text).toContain('Exec="/opt/My \\"Apps\\"/EIOT Balance.AppImage"');
      expect(app.loginItem).toBeNull();
      tray().contextMenu?.click('Start at login');
      expect(existsSync(entry)).toBe(false);
    } finally {
      rmSync(config, { recursive: true, force: true });
    }
  });

  test('tray menu actions reach the engine', async () => {
    const { engine } = await startWithFakeEngine();
    engine.setAccounts([account({ id: 'a', label: 'Main', status: 'ok', lastReading: reading(5000) })]);
    tray().contextMenu?.click('Refresh now');
    tray().contextMenu?.click('Pause for 1 hour');
    expect(engine.calls).toContain('refresh:all');
    expect(engine.calls).toContain('pause:all:3600000');
  });

  test('power and network events feed the engine', async () => {
    const { engine, time } = await startWithFakeEngine();
    powerMonitor.emit('suspend');
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    net.online = false;
    await time.advance(ONLINE_SAMPLE_MS);
    net.online = true;
    await time.advance(ONLINE_SAMPLE_MS);
    expect(engine.calls.filter((call) => call !== 'start')).toEqual([
      'online:true',
      'suspend',
      'wake:resume',
      'wake:unlock',
      'online:false',
      'online:true',
      'wake:online',
    ]);
  });

  test('a notification click opens the window on that account', async () => {
    const { engine } = await startWithFakeEngine();
    engine.raise({
      accountId: 'a',
      label: 'Main',
      kind: 'low',
      at: 1,
      balance: '9.00',
      currency: 'USD',
      threshold: '10.00',
    });
    FakeNotification.instances[0]?.emit('click', {});
    // Nothing is pushed before the page listens: it pulls the view when it is ready.
    expect(window().webContents.sent).toEqual([]);
    expect(await window().webContents.pageReady()).toEqual({
      ok: true,
      value: { navigation: { view: 'overview', accountId: 'a' }, problems: [] },
    });
    // Handed over once; with the page listening, the next one is pushed.
    expect(await window().webContents.pageReady()).toMatchObject({ value: { navigation: null } });
    FakeNotification.instances[0]?.emit('click', {});
    expect(window().webContents.sent).toContainEqual({
      channel: 'navigate',
      payload: { view: 'overview', accountId: 'a' },
    });
  });

  test('a deep link is kept even when the page takes long to subscribe', async () => {
    const { engine } = await startWithFakeEngine();
    tray().contextMenu?.click('Add an account…');
    await window().webContents.finishedLoad;
    // Loaded is not listening: a push on did-finish-load would be lost here.
    engine.setAccounts([]);
    expect(window().webContents.sent).toEqual([]);
    expect(await window().webContents.pageReady()).toMatchObject({ value: { navigation: { view: 'accounts' } } });
  });

  test('state and settings are pushed to the open window only', async () => {
    const { engine } = await startWithFakeEngine();
    tray().contextMenu?.click('Open EIOT Balance…');
    const contents = window().webContents;
    await contents.pageReady();
    engine.setAccounts([account({ id: 'a', status: 'ok', lastReading: reading(100) })]);
    engine.updateSettings({ notifications: false });
    expect(contents.sent.map((message) => message.channel)).toEqual(['state:changed', 'settings:changed']);
    window().close();
    // The fake throws on sending to destroyed contents: no send is attempted after close.
    engine.setAccounts([]);
    engine.updateSettings({ notifications: true });
  });

  test('the window is released on close: no listener, handler, subscription or timer left behind', async () => {
    const { engine, time } = await startWithFakeEngine();
    // First run opened the window: close it to count what remains without one.
    window().close();
    const counts = () => ({
      ipc: listenerCount(ipcMain) + ipcMain.handlers.size,
      power: listenerCount(powerMonitor),
      app: listenerCount(app),
      engine: engine.snapshotListeners.size + engine.settingsListeners.size + engine.noticeListeners.size,
      timers: time.timerCount,
    });
    const before = counts();
    for (let round = 0; round < 3; round++) {
      tray().contextMenu?.click('Open EIOT Balance…');
      expect(counts().engine).toBeGreaterThan(before.engine);
      window().close();
    }
    expect(counts()).toEqual(before);
  });

  test("the glance's Quit… quits the app, as the tray's Quit does; the page's height sizes the window", async () => {
    const { engine } = await startWithFakeEngine();
    engine.setAccounts([account({ id: 'a', label: 'Main account' })]);
    tray().contextMenu?.click('Open EIOT Balance…');
    await window().webContents.finishedLoad;
    await ipcMain.invoke('window:fit', { contents: window().webContents }, { height: 420 });
    expect(window().getContentSize()[1]).toBe(420);
    expect(app.quitRequests).toBe(0);
    expect(await ipcMain.invoke('app:quit', { contents: window().webContents }, {})).toEqual({ ok: true, value: null });
    // The shutdown the tray's Quit runs: the engine stops, then the app exits 0.
    await vi.waitFor(() => expect(app.exited).toBe(0));
    expect(engine.calls.at(-1)).toBe('stop');
  });

  test('CSV export asks where to save, in main, and writes the file', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'eiot-csv-'));
    try {
      const { engine } = await startWithFakeEngine();
      engine.setAccounts([account({ id: 'a', label: 'Main account' })]);
      tray().contextMenu?.click('Open EIOT Balance…');
      await window().webContents.finishedLoad;
      const target = path.join(folder, 'out.csv');
      dialog.nextSave = { canceled: false, filePath: target };
      const result = await ipcMain.invoke('csv:export', { contents: window().webContents }, { accountId: 'a' });
      expect(result).toEqual({ ok: true, value: { saved: true, path: target } });
      expect(readFileSync(target, 'utf8')).toBe('at,balance\r\na,1.00\r\n');
      expect(path.basename(dialog.saveRequests[0]?.defaultPath ?? '')).toBe('Main-account-balance.csv');
      dialog.nextSave = { canceled: true, filePath: '' };
      expect(await ipcMain.invoke('csv:export', { contents: window().webContents }, { accountId: 'a' })).toEqual({
        ok: true,
        value: { saved: false },
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('quit from the tray stops the engine first, then exits, leaving nothing running', async () => {
    const { engine, time, app: running, disposed } = await startWithFakeEngine();
    tray().contextMenu?.click('Open EIOT Balance…');
    tray().contextMenu?.click('Quit');
    expect(app.exited).toBeNull();
    await running.quit();
    expect(engine.calls.at(-1)).toBe('stop');
    expect(disposed()).toBe(true);
    expect(app.exited).toBe(0);
    expect(tray().isDestroyed()).toBe(true);
    expect(window().isDestroyed()).toBe(true);
    expect(ipcMain.handlers.size).toBe(0);
    expect(listenerCount(powerMonitor)).toBe(0);
    expect(time.timerCount).toBe(0);
    expect(engine.snapshotListeners.size + engine.noticeListeners.size + engine.settingsListeners.size).toBe(0);
  });
});

afterEach(() => vi.restoreAllMocks());
