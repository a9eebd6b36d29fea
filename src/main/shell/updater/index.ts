/**
 * The app's updates, put together for the shell: electron-updater behind the port, the
 * policy on real time and Electron's power and network state, the one notification, and the
 * tray's update items. app.ts calls startUpdates once and routes the tray's update actions and
 * the window's update channels here.
 */
import { app, net, Notification, powerMonitor } from 'electron';
import { translator, type Locale } from '../../../shared/i18n/index.js';
import type { AppSettings } from '../../../shared/types.js';
import type { UpdateStatus } from '../../../shared/update-status.js';
import { systemClock, type Clock, type Random, type Timers } from '../../core/ports.js';
import type { MenuItemModel } from '../tray-view.js';
import { createElectronUpdater } from './electron-updater.js';
import { readDownloadPage, readInstallFacts } from './install-facts.js';
import { installation } from './install-kind.js';
import { createUpdatePolicy } from './policy.js';
import type { Updater } from './port.js';
import { openReleasesPage } from './releases-link.js';
import { updateMenuItems, updateNotification, type UpdateCommand } from './view.js';

export interface UpdatesDeps {
  env: Readonly<Record<string, string | undefined>>;
  /** `--demo` touches nothing on disk; electron-updater would write its files there. */
  demo: boolean;
  timers: Timers;
  settings(): AppSettings;
  locale(): Locale;
  log(line: string): void;
  /** Shows the window's settings view, where a check's outcome is reported. */
  showStatus(): void;
  /** Every status change: the tray re-renders, the window is told. */
  onChange(status: UpdateStatus): void;
  clock?: Clock;
  random?: Random;
  /** Tests pass their own; production wraps electron-updater. */
  updater?: Updater;
}

export interface Updates {
  /** Arms the automatic checks; call once the settings can be read. */
  start(): void;
  status(): UpdateStatus;
  /** Checks now and answers with the outcome (the window's "Check now"). */
  check(): Promise<UpdateStatus>;
  menuItems(): MenuItemModel[];
  run(command: UpdateCommand): void;
  /** Opens the Releases page; false when this install has none. */
  openDownload(): boolean;
  /** The settings changed (automatic checks, channel). */
  settingsChanged(): void;
  stop(): void;
}

export function startUpdates(deps: UpdatesDeps): Updates {
  const updater =
    deps.updater ??
    createElectronUpdater({
      installation: deps.demo ? { kind: 'none', mode: 'unsupported' } : installation(readInstallFacts(deps.env)),
      currentVersion: app.getVersion(),
      downloadPage: readDownloadPage(),
      log: deps.log,
    });
  let shown: Notification | null = null;

  const policy = createUpdatePolicy({
    updater,
    clock: deps.clock ?? systemClock,
    timers: deps.timers,
    random: deps.random ?? Math.random,
    power: { onBattery: () => powerMonitor.isOnBatteryPower(), online: () => net.isOnline() },
    settings: deps.settings,
    onChange: deps.onChange,
    onAnnounce: (status) => {
      const text = updateNotification(status, translator(deps.locale()));
      if (!text || !deps.settings().notifications || !Notification.isSupported()) return;
      shown?.close();
      // Held in `shown`: a notification that is garbage-collected loses its click handler.
      const notification = new Notification(text);
      notification.on('click', () =>
        status.state === 'available' ? openReleasesPage(status.downloadUrl) : deps.showStatus(),
      );
      notification.show();
      shown = notification;
    },
    log: deps.log,
  });

  function openDownload(): boolean {
    const status = policy.status();
    return openReleasesPage(status.state === 'available' ? status.downloadUrl : updater.downloadPage);
  }

  const onConditions = () => policy.conditionsChanged();
  powerMonitor.on('on-ac', onConditions);
  powerMonitor.on('resume', onConditions);

  return {
    start: () => policy.start(),
    status: () => policy.status(),
    check: () => policy.checkNow(),
    menuItems: () => updateMenuItems(policy.status(), translator(deps.locale())),
    run(command) {
      switch (command) {
        case 'check':
          deps.showStatus();
          return void policy.checkNow();
        case 'install':
          return policy.installNow();
        case 'open-download':
          return void openDownload();
      }
    },
    openDownload,
    settingsChanged: () => policy.settingsChanged(),
    stop() {
      policy.stop();
      powerMonitor.off('on-ac', onConditions);
      powerMonitor.off('resume', onConditions);
      shown?.close();
      shown = null;
    },
  };
}
