/**
 * What a first user meets: the window on first run or without a tray, the application menu,
 * the log lines, and the set-up problems the window is told about.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import {
  app,
  FakeBrowserWindow,
  FakeMenu,
  FakeNotification,
  FakeTray,
  ipcMain,
  resetElectron,
  shell,
} from '../fakes/electron.js';
import { account, reading, ShellFakeEngine } from './fake-engine.js';
import { startWithFakeEngine } from './app-harness.js';

vi.mock('electron', async () => (await import('../fakes/electron.js')).electronModule);

beforeEach(resetElectron);

const tray = () => FakeTray.instances[0]!;
const appMenu = () => {
  const menu = FakeMenu.applicationMenu;
  if (!menu) throw new Error('no application menu set (Electron would show its default one)');
  return menu;
};
const roles = () =>
  appMenu()
    .allItems()
    .map((item) => item.role)
    .filter(Boolean);

function withAccount(): ShellFakeEngine {
  const engine = new ShellFakeEngine();
  engine.setAccounts([account({ id: 'a', label: 'Main', status: 'ok', lastReading: reading(5000) })]);
  return engine;
}
const fromEngine = (engine: ShellFakeEngine) => async () => ({ engine, dispose: async () => undefined });

describe('the window at start', () => {
  test('first run (no account) opens the window by itself', async () => {
    await startWithFakeEngine();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  test('with an account and a tray, the app starts in the tray only', async () => {
    await startWithFakeEngine({ createEngine: fromEngine(withAccount()) });
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  test('without a tray host the window opens and says so, with what to install', async () => {
    const lines: string[] = [];
    await startWithFakeEngine({
      createEngine: fromEngine(withAccount()),
      trayHost: async () => 'missing',
      log: (line) => lines.push(line),
    });
    const window = FakeBrowserWindow.instances[0];
    expect(window).toBeDefined();
    expect(await window!.webContents.pageReady()).toEqual({
      ok: true,
      value: { navigation: null, problems: ['no-tray'] },
    });
    expect(lines).toContain('problem: no-tray');
  });

  test('a build whose keychain module does not load says so to the window', async () => {
    await startWithFakeEngine({ keychainModule: async () => false });
    expect(await FakeBrowserWindow.instances[0]!.webContents.pageReady()).toMatchObject({
      value: { problems: ['no-keychain-support'] },
    });
  });
});

describe('the application menu', () => {
  test('packaged: Edit and Window only, no Reload or DevTools', async () => {
    await startWithFakeEngine({ packaged: true, platform: 'linux' });
    expect(roles()).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'close', 'minimize']);
    const close = appMenu()
      .allItems()
      .find((item) => item.role === 'close');
    expect(close?.accelerator).toBe('CmdOrCtrl+W');
  });

  test('a development build adds Reload and DevTools', async () => {
    await startWithFakeEngine({ packaged: false });
    expect(roles()).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  test('macOS: copy and paste work in the form; Cmd+Q closes the window, monitoring goes on, once explained', async () => {
    const { engine } = await startWithFakeEngine({ packaged: true, platform: 'darwin' });
    expect(roles()).toEqual(expect.arrayContaining(['copy', 'paste', 'selectAll']));
    expect(roles()).not.toContain('quit');
    const quitShortcut = appMenu()
      .allItems()
      .find((item) => item.accelerator === 'Command+Q');
    expect(quitShortcut?.label).toBe('Close Window (keeps watching in the menu bar)');
    appMenu().click(quitShortcut!.label!);
    expect(FakeBrowserWindow.instances[0]?.isDestroyed()).toBe(true);
    expect(app.quitRequests).toBe(0);
    expect(engine.calls).not.toContain('stop');
    const told = FakeNotification.instances.filter((n) => n.title === 'EIOT Balance is still watching');
    expect(told).toHaveLength(1);
    tray().contextMenu?.click('Open EIOT Balance…');
    appMenu().click(quitShortcut!.label!);
    expect(FakeNotification.instances.filter((n) => n.title === 'EIOT Balance is still watching')).toHaveLength(1);
  });
});

describe('the log', () => {
  test('start (with the sandbox state), each poll with its next check, notices', async () => {
    const lines: string[] = [];
    app.commandLine.appendSwitch('no-sandbox');
    const { engine } = await startWithFakeEngine({ log: (line) => lines.push(line) });
    expect(lines[0]).toMatch(/^start 0\.0\.0-test on linux, .*Chromium sandbox OFF/);
    engine.setAccounts([
      account({
        id: 'a',
        label: 'Main',
        status: 'ok',
        lastReading: reading(5000),
        nextCheckAt: Date.UTC(2026, 0, 5, 14, 10),
      }),
    ]);
    expect(lines).toContain('poll Main [a]: ok 50.00 USD; next check 2026-01-05T14:10:00.000Z (interval)');
    engine.raise({ accountId: 'a', label: 'Main', kind: 'low', at: 1, balance: '9.00', currency: 'USD' });
    expect(lines).toContain('notice low for Main [a]');
  });

  test('a secret sent over IPC is handed to the log redactor before anything else', async () => {
    const remembered: string[] = [];
    await startWithFakeEngine({ rememberSecret: (secret) => remembered.push(secret) });
    const contents = FakeBrowserWindow.instances[0]!.webContents;
    await contents.finishedLoad;
    await ipcMain.invoke('secret:set', { contents }, { accountId: 'a', secret: 'S3CRET-xyz-1' });
    // Even from a foreign sender (refused), the secret is known to the redactor first.
    await ipcMain.invoke(
      'secret:set',
      { contents: new FakeBrowserWindow().webContents },
      { accountId: 'a', secret: 'S3CRET-xyz-2' },
    );
    expect(remembered).toEqual(['S3CRET-xyz-1', 'S3CRET-xyz-2']);
  });

  test('the tray menu opens the log folder', async () => {
    await startWithFakeEngine({ logFolder: '/var/log/eiot-test' });
    tray().contextMenu?.click('Open log folder');
    expect(shell.openedPaths).toEqual(['/var/log/eiot-test']);
  });
});
