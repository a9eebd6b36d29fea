/**
 * The composition root of the desktop app: single instance, app scheme, menu, tray,
 * notifications, window, IPC, power events, log lines and a clean quit, around one engine.
 * Everything Electron-global is reached through the `electron` import (a typed fake under
 * test); the rest is in `deps`.
 */
import { app, Menu, Notification, protocol, screen, session, shell, type Event } from 'electron';
import path from 'node:path';
import { resolveLocale, translator, type Locale } from '../../shared/i18n/index.js';
import type { WindowProblem } from '../../shared/ipc.js';
import type { AppSettings, Snapshot } from '../../shared/types.js';
import { HOME_ENV } from '../core/data-dir.js';
import type { EngineApi } from '../core/engine-api.js';
import { createIpcHandlers } from '../window-api/handlers.js';
import { systemTimers, type Timers } from '../core/ports.js';
import { appMenuTemplate } from './app-menu.js';
import { csvSaver } from './csv-save.js';
import { defaultEngineFactory, type EngineFactory } from './engine-setup.js';
import { guardSession } from './guards.js';
import { registerIpc } from './ipc.js';
import { keychainModuleLoads } from './keychain-module.js';
import { systemLoginItem, type LoginItem } from './login-item.js';
import { createNotifications } from './notifications.js';
import { noticeLogLine, pollLogLines } from './poll-log.js';
import { watchPower } from './power.js';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, PAGE_URL, serveAppFiles } from './scheme.js';
import { trayIcons } from './tray-icons.js';
import { probeTrayHost, type TrayHost } from './tray-host.js';
import { createTray, type TrayController } from './tray.js';
import { PAUSE_MS, trayView, type MenuItemModel, type TrayAction } from './tray-view.js';
import { startUpdates } from './updater/index.js';
import { withUpdateItems } from './updater/view.js';
import { createWindowManager, type WindowManager } from './window.js';

/** electron-builder.yml's appId: Windows attributes notifications to the app by it. */
export const APP_USER_MODEL_ID = 'io.github.eiot-balance.app';

export interface AppDeps {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** A packaged build: no Reload or DevTools in the menu. */
  packaged: boolean;
  /** For the online sampling and the tray menu's fallback; the engine gets its own through the factory. */
  timers: Timers;
  createEngine: EngineFactory;
  log(line: string): void;
  /** Where the log file lives ("Open log folder"); null when there is none. */
  logFolder: string | null;
  /** A secret that arrived over IPC: the log redacts it from then on. */
  rememberSecret(secret: string): void;
  /** Whether a tray icon can be shown at all (Linux: a StatusNotifier host). */
  trayHost(): Promise<TrayHost>;
  /** Whether this build's keychain module (keytar) loads. */
  keychainModule(): Promise<boolean>;
  /** The system's "open at login"; by default Electron's API or the XDG autostart entry. */
  loginItem?: LoginItem;
  /** The data folder; by default EIOT_BALANCE_HOME or Electron's userData. */
  dataDir?: string;
  /** Open the window at start even with accounts set up (the self-test). */
  openWindow?: boolean;
}

export interface RunningApp {
  engine: EngineApi;
  windows: WindowManager;
  tray: TrayController;
  trayHost: TrayHost;
  /** What the window is told about the app's set-up problems. */
  problems: readonly WindowProblem[];
  /** Asks Electron to quit (as the tray's Quit does) and resolves once everything stopped. */
  quit(): Promise<void>;
}

/** null when another instance already runs: it was asked to show its window and this one quits. */
export async function startApp(overrides: Partial<AppDeps> = {}): Promise<RunningApp | null> {
  const platform = overrides.platform ?? process.platform;
  const deps: AppDeps = {
    argv: process.argv,
    env: process.env,
    platform,
    packaged: app.isPackaged,
    timers: systemTimers,
    createEngine: defaultEngineFactory(),
    log: () => undefined,
    logFolder: null,
    rememberSecret: () => undefined,
    trayHost: () => probeTrayHost(platform),
    keychainModule: keychainModuleLoads,
    ...overrides,
  };
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  // Its presence alone keeps the app alive when the window closes: the tray is the app.
  app.on('window-all-closed', () => undefined);
  // Only possible before `ready`: the window's origin must be known to Chromium from the start.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  await app.whenReady();
  if (deps.platform === 'darwin') void app.dock?.hide();
  if (deps.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  guardSession(session.defaultSession);
  const root = app.getAppPath();
  protocol.handle(APP_SCHEME, serveAppFiles(path.join(root, 'dist', 'renderer')));
  deps.log(
    `start ${app.getVersion()} on ${deps.platform}, Electron ${process.versions.electron ?? 'none'}; ` +
      // The AppImage's AppRun adds --no-sandbox only where user namespaces are refused.
      (app.commandLine.hasSwitch('no-sandbox')
        ? 'Chromium sandbox OFF (--no-sandbox: user namespaces refused or asked for)'
        : 'Chromium sandbox on'),
  );

  const dataDir = deps.dataDir ?? (deps.env[HOME_ENV] ? path.resolve(deps.env[HOME_ENV]) : app.getPath('userData'));
  const systemLocale = app.getLocale();
  const bundle = await deps.createEngine({
    demo: deps.argv.includes('--demo'),
    dataDir,
    version: app.getVersion(),
    demoLabel: translator(resolveLocale('system', systemLocale))('tray.demo.label'),
    log: deps.log,
    rememberSecret: deps.rememberSecret,
  });
  const { engine } = bundle;
  const locale = (): Locale => {
    try {
      return resolveLocale(engine.settings().language, systemLocale);
    } catch {
      // Before the engine started its settings do not exist yet.
      return resolveLocale('system', systemLocale);
    }
  };
  const t = () => translator(locale());

  const [trayHost, keychainLoads] = await Promise.all([deps.trayHost(), deps.keychainModule()]);
  const problems: WindowProblem[] = [];
  if (trayHost === 'missing') problems.push('no-tray');
  if (!keychainLoads) problems.push('no-keychain-support');
  for (const problem of problems) deps.log(`problem: ${problem}`);

  // Set once the tray exists: the window opens against its icon where the system says where it is.
  let trayBounds: () => Electron.Rectangle | null = () => null;
  const windows = createWindowManager({
    anchor: () => {
      const tray = trayBounds();
      if (!tray) return null;
      return { tray, workArea: screen.getDisplayNearestPoint({ x: tray.x, y: tray.y }).workArea };
    },
    preloadPath: path.join(root, 'dist', 'preload', 'index.cjs'),
    pageUrl: PAGE_URL,
    title: () => t()('app.name'),
    log: deps.log,
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
  const updates = startUpdates({
    ...deps,
    demo: deps.argv.includes('--demo'),
    settings: () => engine.settings(),
    locale,
    showStatus: () => windows.open({ view: 'settings' }),
    onChange: (status) => {
      windows.send('update:changed', status);
      render();
    },
  });

  let stillWatchingShown = false;
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({
        platform: deps.platform,
        packaged: deps.packaged,
        appName: t()('app.name'),
        t: t(),
        onQuitShortcut: () => {
          windows.close();
          if (stillWatchingShown || !Notification.isSupported()) return;
          stillWatchingShown = true;
          new Notification({
            title: t()('shell.notice.stillWatching.title'),
            body: t()('shell.notice.stillWatching.body'),
          }).show();
        },
      }),
    ),
  );

  const handlers = createIpcHandlers(engine, {
    saveCsv: csvSaver(t),
    appInfo: { version: app.getVersion(), platform: deps.platform },
    windowReady: () => ({ navigation: windows.pageReady(), problems }),
    updates,
    hideWindow: () => windows.close(),
    fitWindow: (height) => windows.fit(height),
    // After the reply is on its way: quitting closes the window that asked.
    quitApp: () => void Promise.resolve().then(() => app.quit()),
  });
  const unregisterIpc = registerIpc({
    handlers,
    isOwnSender: (event) => windows.isOwnSender(event),
    log: deps.log,
    onSecret: deps.rememberSecret,
  });

  const loginItem =
    deps.loginItem ??
    systemLoginItem(deps.platform, { env: deps.env, home: app.getPath('home'), executable: app.getPath('exe') }, () =>
      t()('app.name'),
    );
  let loginItemState: boolean | null = null;
  const applyLoginItem = (settings: AppSettings) => {
    if (loginItemState === null || settings.launchAtLogin === loginItemState) return;
    loginItemState = settings.launchAtLogin;
    try {
      loginItem.write(loginItemState);
    } catch (error) {
      deps.log(`start at login not changed: ${(error as Error).name}`);
    }
  };

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
      case 'open-log-folder':
        if (deps.logFolder) void shell.openPath(deps.logFolder);
        return;
      case 'update':
        return updates.run(action.command);
      case 'quit':
        return app.quit();
    }
  };
  const initialMenu: MenuItemModel[] = [
    { type: 'normal', label: t()('tray.menu.open'), action: { type: 'open', view: 'overview' } },
    { type: 'separator' },
    { type: 'normal', label: t()('tray.menu.quit'), action: { type: 'quit' } },
  ];
  const tray = createTray({
    icons: trayIcons(path.join(root, 'build', 'tray'), deps.platform),
    onAction,
    platform: deps.platform,
    initialMenu,
    timers: deps.timers,
  });
  trayBounds = () => tray.bounds();
  // The tray draws the snapshot it is handed; only a settings change asks for a fresh one.
  const render = (snapshot: Snapshot = engine.snapshot()): void =>
    tray.update(withUpdateItems(trayView(snapshot, engine.settings(), locale(), deps.platform), updates.menuItems()));
  const notifications = createNotifications({
    settings: () => engine.settings(),
    locale,
    onClick: (accountId) => windows.open({ view: 'overview', accountId }),
  });

  // The engine's settings exist once it started: the tray shows "loading" until then.
  await engine.start();
  // A newer or unusable settings file is left as it is; the user must hear of it.
  const problem = engine.settingsProblem;
  if (problem) {
    deps.log(problem.message);
    const body =
      problem.kind === 'newer'
        ? t()('account.settings.newer', { path: problem.path, version: problem.schemaVersion })
        : t()('account.settings.invalid', { problem: problem.message });
    if (Notification.isSupported()) new Notification({ title: t()('app.name'), body }).show();
  }
  // The setting shows what the system does; it is written only when the user changes it.
  try {
    loginItemState = loginItem.read();
    if (engine.settings().launchAtLogin !== loginItemState) {
      await engine.updateSettings({ launchAtLogin: loginItemState });
    }
  } catch (error) {
    deps.log(`start at login not read: ${(error as Error).name}`);
  }
  let lastSnapshot: Snapshot | null = null;
  const unsubscribe = [
    engine.subscribe((snapshot) => {
      for (const line of pollLogLines(lastSnapshot, snapshot)) deps.log(line);
      lastSnapshot = snapshot;
      render(snapshot);
    }),
    engine.onSettings((settings) => {
      applyLoginItem(settings);
      updates.settingsChanged();
      render();
    }),
    engine.onNotice((notice) => {
      deps.log(noticeLogLine(notice));
      notifications.show(notice);
    }),
  ];
  const stopPower = watchPower(engine, deps.timers);
  updates.start();
  await bundle.afterStart?.();
  render();
  // First run, or no tray to reach the app from: the window is the way in.
  if (engine.snapshot().accounts.length === 0 || problems.includes('no-tray') || deps.openWindow) windows.open();

  let stopped: Promise<void> | null = null;
  let done = false;
  const shutdown = async () => {
    stopPower();
    updates.stop();
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
    protocol.unhandle(APP_SCHEME);
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
    tray,
    trayHost,
    problems,
    quit() {
      app.quit();
      return stopped ?? Promise.resolve();
    },
  };
}
