/**
 * The shell's update composition on the typed Electron fake: the tray items and what they do,
 * the single notification, power events, and the app wiring (tray menu, window channels).
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  app as electronApp,
  FakeBrowserWindow,
  FakeNotification,
  FakeTray,
  ipcMain,
  listenerCount,
  powerMonitor,
  resetElectron,
  shell,
} from '../fakes/electron.js';
import { startUpdates, type Updates } from '../../src/main/shell/updater/index.js';
import { FIRST_CHECK_MS } from '../../src/main/shell/updater/policy.js';
import { UpdateFailure, type CheckResult, type Updater } from '../../src/main/shell/updater/port.js';
import { isReleasesPage } from '../../src/main/shell/updater/releases-link.js';
import { DEFAULT_SETTINGS, type AppSettings } from '../../src/shared/types.js';
import type { UpdateMode, UpdateStatus } from '../../src/shared/update-status.js';
import { provideElectronToRequire } from '../fakes/electron-require.js';
import { FakeTime } from '../helpers/fake-time.js';
import { startWithFakeEngine } from '../shell/app-harness.js';

vi.mock('electron', async () => (await import('../fakes/electron.js')).electronModule);

const RELEASES = 'https://github.com/eiot-balance/eiot-balance/releases/latest';

class StubUpdater implements Updater {
  readonly currentVersion = '1.2.0';
  readonly downloadPage = RELEASES;
  answer: CheckResult | UpdateFailure = { available: true, version: '1.3.0' };
  checks = 0;
  installs = 0;
  constructor(readonly mode: UpdateMode) {}
  async check(): Promise<CheckResult> {
    this.checks++;
    if (this.answer instanceof UpdateFailure) throw this.answer;
    return this.answer;
  }
  async download(): Promise<void> {}
  installNow(): void {
    this.installs++;
  }
}

let running: Updates | null = null;
beforeEach(resetElectron);
afterEach(() => running?.stop());

function setup(mode: UpdateMode = 'auto', over: Partial<AppSettings> = {}) {
  const time = new FakeTime(Date.UTC(2026, 0, 5, 9));
  const updater = new StubUpdater(mode);
  const settings: AppSettings = { ...DEFAULT_SETTINGS, language: 'en', ...over };
  const changes: UpdateStatus[] = [];
  let statusShown = 0;
  const updates = startUpdates({
    env: {},
    demo: false,
    timers: time,
    clock: time,
    random: () => 0,
    settings: () => settings,
    locale: () => 'en',
    log: () => undefined,
    showStatus: () => statusShown++,
    onChange: (status) => changes.push(status),
    updater,
  });
  running = updates;
  updates.start();
  return { time, updater, settings, changes, updates, statusShown: () => statusShown };
}

const shownNotifications = () => FakeNotification.instances.filter((n) => n.shown);

describe('updates in the shell', () => {
  test('a downloaded update: one notification, "Restart to update" in the menu, which installs', async () => {
    const { time, updater, updates, statusShown } = setup();
    await time.advance(FIRST_CHECK_MS);
    expect(shownNotifications().map((n) => n.title)).toEqual(['Update ready']);
    expect(updates.menuItems().map((item) => item.type !== 'separator' && item.label)).toEqual([
      'Restart to update (1.3.0)',
      'Check for updates…',
    ]);
    await updates.check();
    expect(shownNotifications()).toHaveLength(1);
    shownNotifications()[0]?.emit('click', {});
    expect(statusShown()).toBe(1);
    updates.run('install');
    expect(updater.installs).toBe(1);
  });

  test('no notification when the user turned notifications off; the menu still offers the restart', async () => {
    const { time, updates } = setup('auto', { notifications: false });
    await time.advance(FIRST_CHECK_MS);
    expect(shownNotifications()).toEqual([]);
    expect(updates.menuItems()[0]).toMatchObject({ label: 'Restart to update (1.3.0)' });
  });

  test('"Check for updates…" shows the window and reports the outcome there', async () => {
    const { updater, updates, changes, statusShown } = setup('auto', { autoUpdate: false });
    updater.answer = new UpdateFailure('feed', 'Cannot parse update info');
    updates.run('check');
    await vi.waitFor(() => expect(changes.at(-1)).toMatchObject({ state: 'failed', reason: 'feed' }));
    expect(statusShown()).toBe(1);
    expect(changes.map((status) => status.state)).toEqual(['checking', 'failed']);
  });

  test('manual mode: a notice with the download link, and the tray item opens the Releases page', async () => {
    const { time, updates } = setup('manual');
    await time.advance(FIRST_CHECK_MS);
    expect(shownNotifications().map((n) => n.title)).toEqual(['New version available']);
    updates.run('open-download');
    expect(shell.opened).toEqual([RELEASES]);
    shownNotifications()[0]?.emit('click', {});
    expect(shell.opened).toEqual([RELEASES, RELEASES]);
  });

  test('a check held back on battery runs when the machine is plugged in', async () => {
    powerMonitor.battery = true;
    const { time, updater } = setup();
    await time.advance(FIRST_CHECK_MS);
    expect(updater.checks).toBe(0);
    powerMonitor.battery = false;
    powerMonitor.emit('on-ac');
    await time.advance(0);
    expect(updater.checks).toBe(1);
  });

  test('stop removes its power listeners and withdraws its notification', async () => {
    const { time, updates } = setup();
    await time.advance(FIRST_CHECK_MS);
    updates.stop();
    running = null;
    expect(listenerCount(powerMonitor)).toBe(0);
    expect(shownNotifications()[0]?.closed).toBe(true);
  });

  test('only a GitHub Releases page may be opened', () => {
    expect(isReleasesPage(RELEASES)).toBe(true);
    expect(isReleasesPage('https://github.com/o/r/releases')).toBe(true);
    for (const url of [
      'http://github.com/o/r/releases',
      'https://github.com.evil.example/o/r/releases',
      'https://github.com/o/r/releases/download/v1/x.exe',
      'file:///etc/passwd',
      'https://user@github.com/o/r/releases',
    ]) {
      expect(isReleasesPage(url), url).toBe(false);
    }
  });
});

describe('updates in the running app', () => {
  test('the tray has "Check for updates…" before Quit, and it opens the window on Settings', async () => {
    const { app } = await startWithFakeEngine();
    const menu = FakeTray.instances[0]?.contextMenu;
    const labels = menu?.labels() ?? [];
    expect(labels.slice(-3)).toEqual(['Check for updates…', 'Open log folder', 'Quit']);
    menu?.click('Check for updates…');
    const window = FakeBrowserWindow.instances.at(-1);
    await window?.webContents.finishedLoad;
    // The page pulls the view it was opened for once it listens (window:ready).
    expect(await window?.webContents.pageReady()).toMatchObject({ value: { navigation: { view: 'settings' } } });
    // Run from source: the window hears that this build does not update itself.
    const status = await ipcMain.invoke('update:status', { contents: window!.webContents }, {});
    expect(status).toEqual({ ok: true, value: { state: 'unsupported', mode: 'unsupported' } });
    await app.quit();
    expect(listenerCount(powerMonitor)).toBe(0);
  });

  test('an installed AppImage updates itself; the same app in --demo touches no updater at all', async () => {
    const undo = provideElectronToRequire();
    const dir = mkdtempSync(path.join(tmpdir(), 'eiot-installed-'));
    Object.defineProperty(process, 'resourcesPath', { value: dir, configurable: true, writable: true });
    writeFileSync(path.join(dir, 'app-update.yml'), 'provider: github\nowner: o\nrepo: r\n');
    try {
      const own = async (argv: string[]) => {
        resetElectron();
        electronApp.isPackaged = true;
        const { app } = await startWithFakeEngine({ argv, env: { APPIMAGE: path.join(dir, 'EIOT.AppImage') } });
        FakeTray.instances[0]?.contextMenu?.click('Open EIOT Balance…');
        const window = FakeBrowserWindow.instances.at(-1);
        if (!window) throw new Error('no window');
        await window.webContents.finishedLoad;
        const answer = await ipcMain.invoke('update:status', { contents: window.webContents }, {});
        await app.quit();
        return answer;
      };
      expect(await own([])).toEqual({ ok: true, value: { state: 'idle', mode: 'auto' } });
      expect(await own(['--demo'])).toEqual({ ok: true, value: { state: 'unsupported', mode: 'unsupported' } });
    } finally {
      undo();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
