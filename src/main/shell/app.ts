/**
 * The composition root of the desktop app: single instance, tray, notifications, window,
 * IPC, power events and a clean quit, around one engine. Everything Electron-global is
 * reached through the `electron` import (a typed fake under test); the rest is in `deps`.
 */
import { app, Notification, screen, session, type Event } from 'electron';
import path from 'node:path';
import { resolveLocale, translator, type Locale } from '../../shared/i18n/index.js';
import type { AppSettings } from '../../shared/types.js';
import { HOME_ENV } from '../core/data-dir.js';
import type { EngineApi } from '../core/engine-api.js';
import { createIpcHandlers } from '../window-api/handlers.js';
import { systemTimers, type Timers } from '../core/ports.js';
import { csvSaver } from './csv-save.js';
import { defaultEngineFactory, type EngineFactory } from './engine-setup.js';
import { guardSession } from './guards.js';
import { setLinuxAutostart } from './linux-autostart.js';
import { registerIpc } from './ipc.js';
import { createNotifications } from './notifications.js';
import { watchPower } from './power.js';
import { trayIcons } from './tray-icons.js';
import { createTray } from './tray.js';
import { PAUSE_MS, trayView, type TrayAction } from './tray-view.js';
import { createWindowManager, type WindowManager } from './window.js';

/** electron-builder.yml's appId: Windows attributes notifications to the app by it. */
export const APP_USER_MODEL_ID = 'io.github.eiot-balance.app';

export interface AppDeps {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** For the online sampling; the engine gets its own through the factory. */
  timers: Timers;
  createEngine: EngineFactory;
  log(line: string): void;
}

export interface RunningApp {
  engine: EngineApi;
  windows: WindowManager;
  /** Asks Electron to quit (as the tray's Quit does) and resolves once everything stopped. */
  quit(): Promise<void>;
}

/** null when another instance already runs: it was asked to show its window and this one quits. */
export async function startApp(overrides: Partial<AppDeps> = {}): Promise<RunningApp | null> {
  const deps: AppDeps = {
    argv: process.argv,
    env: process.env,
    platform: process.platform,
    timers: systemTimers,
    createEngine: defaultEngineFactory(),
    log: () => undefined,
    ...overrides,
  };
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  // Its presence alone keeps the app alive when the window closes: the tray is the app.
  app.on('window-all-closed', () => undefined);
  await app.whenReady();
  if (deps.platform === 'darwin') void app.dock?.hide();
  if (deps.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  guardSession(session.defaultSession);

  const root = app.getAppPath();
  const dataDir = deps.env[HOME_ENV] ? path.resolve(deps.env[HOME_ENV]) : app.getPath('userData');
  const systemLocale = app.getLocale();
  const bundle = await deps.createEngine({
    demo: deps.argv.includes('--demo'),
    dataDir,
    version: app.getVersion(),
    demoLabel: translator(resolveLocale('system', systemLocale))('tray.demo.label'),
    log: deps.log,
  });
  const { engine } = bundle;
  const locale = (): Locale => resolveLocale(engine.settings().language, systemLocale);
  const t = () => translator(locale());

  // Set once the tray exists: the window opens against its icon where the system says where it is.
  let trayBounds: () => Electron.Rectangle | null = () => null;
  const windows = createWindowManager({
    anchor: () => {
      const tray = trayBounds();
      if (!tray) return null;
      return { tray, workArea: screen.getDisplayNearestPoint({ x: tray.x, y: tray.y }).workArea };
    },
    preloadPath: path.join(root, 'dist', 'preload', 'index.cjs'),
    indexPath: path.join(root, 'dist', 'renderer', 'index.html'),
    title: () => t()('app.name'),
    onOpen: () => {
      const offState = engine.subscribe((snapshot) => windows.send('state:changed', snapshot));
      const offSettings = engine.onSettings((settings) => windows.send('settings:changed', settings));
      return () => {
        offState();
        offSettings();
      };
    },
  });
  app.on('second-instance', () => windows.open());

  const handlers = createIpcHandlers(engine, {
    saveCsv: csvSaver(t),
    appInfo: { version: app.getVersion(), platform: deps.platform },
    hideWindow: () => windows.close(),
  });
  const unregisterIpc = registerIpc({ handlers, isOwnSender: (event) => windows.isOwnSender(event), log: deps.log });

  const onAction = (action: TrayAction): void => {
    switch (action.type) {
      case 'open':
        return windows.open({ view: action.view, accountId: action.accountId });
      case 'refresh':
        return void engine.refresh().catch((error: unknown) => deps.log(`refresh failed: ${String(error)}`));
      case 'pause':
        return engine.pause(undefined, PAUSE_MS);
      case 'resume':
        return engine.resume();
      case 'launch-at-login':
        return void engine.updateSettings({ launchAtLogin: action.enable });
      case 'quit':
        return app.quit();
    }
  };
  const tray = createTray({
    icons: trayIcons(path.join(root, 'build', 'tray'), deps.platform),
    onAction,
    platform: deps.platform,
  });
  trayBounds = () => tray.bounds();
  const render = () => tray.update(trayView(engine.snapshot(), engine.settings(), locale(), deps.platform));
  const notifications = createNotifications({
    settings: () => engine.settings(),
    locale,
    onClick: (accountId) => windows.open({ view: 'overview', accountId }),
  });

  let loginItem: boolean | null = null;
  const applyLoginItem = (settings: AppSettings) => {
    if (settings.launchAtLogin === loginItem) return;
    loginItem = settings.launchAtLogin;
    if (deps.platform === 'darwin' || deps.platform === 'win32') {
      app.setLoginItemSettings({ openAtLogin: loginItem });
      return;
    }
    // Electron's login-item API does nothing on Linux: an XDG autostart entry instead.
    const place = { env: deps.env, home: app.getPath('home'), executable: app.getPath('exe') };
    try {
      setLinuxAutostart(place, loginItem, t()('app.name'));
    } catch (error) {
      deps.log(`autostart entry not written: ${(error as Error).name}`);
    }
  };

  // The engine's settings exist once it started: the tray shows "loading" until then.
  await engine.start();
  if (engine.settingsSetAside) {
    // An unreadable settings file was kept under another name; the user must hear of it.
    deps.log(`settings file set aside: ${engine.settingsSetAside}`);
    if (Notification.isSupported()) {
      new Notification({
        title: t()('app.name'),
        body: t()('account.settings.setAside', { path: engine.settingsSetAside }),
      }).show();
    }
  }
  const unsubscribe = [
    engine.subscribe(render),
    engine.onSettings((settings) => {
      applyLoginItem(settings);
      render();
    }),
    engine.onNotice((notice) => notifications.show(notice)),
  ];
  const stopPower = watchPower(engine, deps.timers);
  applyLoginItem(engine.settings());
  await bundle.afterStart?.();
  render();

  let stopped: Promise<void> | null = null;
  let done = false;
  const shutdown = async () => {
    stopPower();
    unregisterIpc();
    for (const off of unsubscribe) off();
    windows.close();
    notifications.dispose();
    try {
      await engine.stop();
      await bundle.dispose();
    } catch (error) {
      deps.log(`shutdown: ${String(error)}`);
    }
    tray.destroy();
  };
  app.on('before-quit', (event: Event) => {
    if (done) return;
    // Quit only after the engine has stopped: no request left running, the last state saved.
    event.preventDefault();
    stopped ??= shutdown().finally(() => {
      done = true;
      app.quit();
    });
  });

  return {
    engine,
    windows,
    quit() {
      app.quit();
      return stopped ?? Promise.resolve();
    },
  };
}
