/**
 * The events the typed fake of `electron` emits, and what it passes with each, checked
 * against electron.d.ts. The fake's classes emit only through these tables (FakeEmitter), and
 * `checkedAgainstElectron` below registers a listener taking exactly those arguments on the
 * real Electron type: a wrong type at any position, or an argument Electron does not pass,
 * is a type error in `npm run typecheck`.
 *
 * Where the types do not allow more: a listener that takes fewer parameters is always
 * accepted by TypeScript, so the fake is held to pass every argument the shell's listeners
 * read (the tables list Electron's full argument lists where the shell reads any).
 */
import { EventEmitter } from 'node:events';

/** What a listener may call on Electron's event object; Electron's own `Event` has more. */
export interface FakeEvent {
  preventDefault?(): void;
}

export type WebContentsEvents = {
  'did-start-loading': [];
  'did-finish-load': [];
  'did-fail-load': [
    event: FakeEvent,
    errorCode: number,
    errorDescription: string,
    validatedURL: string,
    isMainFrame: boolean,
  ];
  'will-navigate': [details: { url: string; preventDefault(): void }, url: string];
  destroyed: [];
};

export type BrowserWindowEvents = {
  'ready-to-show': [];
  close: [event: FakeEvent];
  closed: [];
};

export type AppEvents = {
  'before-quit': [event: FakeEvent];
  'second-instance': [event: FakeEvent, argv: string[], workingDirectory: string];
  'window-all-closed': [];
};

export type TrayEvents = {
  click: [event: Electron.KeyboardEvent, bounds: Electron.Rectangle, position: Electron.Point];
};

export type NotificationEvents = {
  click: [event: FakeEvent];
  close: [event: FakeEvent];
};

export type MenuEvents = {
  'menu-will-show': [event: FakeEvent];
  'menu-will-close': [event: FakeEvent];
};

export type PowerMonitorEvents = {
  suspend: [];
  resume: [];
  'on-ac': [];
  'on-battery': [];
  'lock-screen': [];
  'unlock-screen': [];
};

type EventTable = { [event: string]: unknown[] };

/** An EventEmitter that emits only the events of its table, with their arguments. */
export class FakeEmitter<Events extends EventTable> extends EventEmitter {
  // Narrows Node's untyped emit to the table; listeners stay Node's (the shell's are Electron's).
  override emit<K extends keyof Events & string>(event: K, ...args: Events[K]): boolean {
    return super.emit(event, ...args);
  }
}

/** Never called: it exists to be type-checked. Each line is one table entry against Electron. */
export function checkedAgainstElectron(
  contents: Electron.WebContents,
  window: Electron.BrowserWindow,
  app: Electron.App,
  tray: Electron.Tray,
  notification: Electron.Notification,
  menu: Electron.Menu,
  power: Electron.PowerMonitor,
): void {
  type Of<T extends EventTable, K extends keyof T> = T[K];
  const none = (): void => undefined;
  contents.on('did-start-loading', (..._: Of<WebContentsEvents, 'did-start-loading'>) => none());
  contents.on('did-finish-load', (..._: Of<WebContentsEvents, 'did-finish-load'>) => none());
  contents.on('did-fail-load', (..._: Of<WebContentsEvents, 'did-fail-load'>) => none());
  contents.on('will-navigate', (..._: Of<WebContentsEvents, 'will-navigate'>) => none());
  contents.on('destroyed', (..._: Of<WebContentsEvents, 'destroyed'>) => none());
  window.on('ready-to-show', (..._: Of<BrowserWindowEvents, 'ready-to-show'>) => none());
  window.on('close', (..._: Of<BrowserWindowEvents, 'close'>) => none());
  window.on('closed', (..._: Of<BrowserWindowEvents, 'closed'>) => none());
  app.on('before-quit', (..._: Of<AppEvents, 'before-quit'>) => none());
  app.on('second-instance', (..._: Of<AppEvents, 'second-instance'>) => none());
  app.on('window-all-closed', (..._: Of<AppEvents, 'window-all-closed'>) => none());
  tray.on('click', (..._: Of<TrayEvents, 'click'>) => none());
  notification.on('click', (..._: Of<NotificationEvents, 'click'>) => none());
  notification.on('close', (..._: Of<NotificationEvents, 'close'>) => none());
  menu.on('menu-will-show', (..._: Of<MenuEvents, 'menu-will-show'>) => none());
  menu.on('menu-will-close', (..._: Of<MenuEvents, 'menu-will-close'>) => none());
  power.on('suspend', (..._: Of<PowerMonitorEvents, 'suspend'>) => none());
  power.on('resume', (..._: Of<PowerMonitorEvents, 'resume'>) => none());
  power.on('on-ac', (..._: Of<PowerMonitorEvents, 'on-ac'>) => none());
  power.on('on-battery', (..._: Of<PowerMonitorEvents, 'on-battery'>) => none());
  power.on('lock-screen', (..._: Of<PowerMonitorEvents, 'lock-screen'>) => none());
  power.on('unlock-screen', (..._: Of<PowerMonitorEvents, 'unlock-screen'>) => none());
}
