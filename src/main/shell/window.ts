/**
 * The app's one window, created on demand and destroyed when closed: no hidden renderer
 * stays alive in the tray. `onOpen` runs per window and returns its cleanup, so whatever is
 * wired to a window (pushed updates) goes away with it. The page is loaded from the app's
 * own scheme, and nothing is pushed to it before it says it is listening (`pageReady`).
 */
import { BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { EventName, Events, Navigation } from '../../shared/ipc.js';
import { guardContents } from './guards.js';
import { isAppPage } from './scheme.js';
import { fittedHeight, GLANCE_SIZE, glancePosition, hidesOnBlur, type Rect } from './window-placement.js';

export type { Navigation };

export interface WindowOptions {
  preloadPath: string;
  /** The page on the app's scheme (scheme.ts PAGE_URL). */
  pageUrl: string;
  title(): string;
  /** Called when a window is created; the returned function runs when it closes. */
  onOpen(): () => void;
  log?(line: string): void;
  /** The tray icon's bounds and the work area around it, where the system reports them. */
  anchor?(): { tray: Rect | null; workArea: Rect } | null;
}

export interface WindowManager {
  /** Shows (creating if needed) and focuses the window on the given view. */
  open(navigation?: Navigation): void;
  isOpen(): boolean;
  /** The live window, for the self-test (capture, script); null when closed. */
  current(): BrowserWindow | null;
  /** Whether an IPC call came from the app's own page in its own window. */
  isOwnSender(event: IpcMainInvokeEvent): boolean;
  /**
   * The page has subscribed to pushed events: from now on they are sent, and the view
   * asked for before (tray, notification, first run) is handed over, once.
   */
  pageReady(): Navigation | null;
  /** Sizes the window to the height its view needs (within GLANCE_SIZE), keeping its anchor. */
  fit(neededHeight: number): void;
  /** Pushes an event to the window; nothing when it is closed or its page is not listening yet. */
  send<E extends EventName>(event: E, payload: Events[E]): void;
  close(): void;
}

export function createWindowManager(options: WindowOptions): WindowManager {
  let window: BrowserWindow | null = null;
  let listening = false;
  let pending: Navigation | null = null;

  const live = () => (window && !window.isDestroyed() ? window : null);

  function create(): BrowserWindow {
    const created = new BrowserWindow({
      width: GLANCE_SIZE.width,
      height: GLANCE_SIZE.height,
      minWidth: GLANCE_SIZE.minWidth,
      minHeight: GLANCE_SIZE.minHeight,
      show: false,
      title: options.title(),
      autoHideMenuBar: true,
      webPreferences: {
        preload: options.preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        // Middle-click (auxclick) could otherwise open a link in a new window past will-navigate.
        disableBlinkFeatures: 'Auxclick',
      },
    });
    guardContents(created.webContents);
    listening = false;
    const cleanup = options.onOpen();
    created.once('ready-to-show', () => created.show());
    // A reload (development only) starts a page that has not subscribed yet.
    created.webContents.on('did-start-loading', () => (listening = false));
    created.once('closed', () => {
      cleanup();
      if (window === created) window = null;
      listening = false;
      pending = null;
    });
    created.loadURL(options.pageUrl).catch((error: unknown) => {
      options.log?.(`window: ${options.pageUrl} did not load: ${(error as Error).message}`);
    });
    return created;
  }

  /** Against the tray icon where its bounds are known; returns whether it was anchored. */
  function place(target: BrowserWindow): boolean {
    const anchor = options.anchor?.();
    const [width = GLANCE_SIZE.width, height = GLANCE_SIZE.height] = target.getSize();
    const at = anchor ? glancePosition(anchor.tray, anchor.workArea, { width, height }) : null;
    if (at) target.setPosition(at.x, at.y);
    return at !== null;
  }

  return {
    open(navigation) {
      const existing = live();
      const target = existing ?? (window = create());
      if (place(target) && !existing && hidesOnBlur(true)) {
        // Like a popover: clicking elsewhere puts it away (hidden, so an open form survives).
        target.on('blur', () => {
          if (!target.isDestroyed()) target.hide();
        });
      }
      if (target.isMinimized()) target.restore();
      if (existing) target.show();
      target.focus();
      if (!navigation) return;
      if (listening) target.webContents.send('navigate', navigation);
      else pending = navigation;
    },
    isOpen: () => live() !== null,
    current: live,
    isOwnSender(event) {
      const current = live();
      if (!current || event.sender.id !== current.webContents.id) return false;
      const frame = event.senderFrame;
      if (!frame || frame.parent) return false;
      return isAppPage(frame.url);
    },
    pageReady() {
      listening = live() !== null;
      const navigation = pending;
      pending = null;
      return navigation;
    },
    fit(neededHeight) {
      const current = live();
      if (!current) return;
      const [width = GLANCE_SIZE.width, height] = current.getContentSize();
      const next = fittedHeight(neededHeight);
      if (next === height) return;
      current.setContentSize(width, next);
      // Against a bottom taskbar the window grows upwards: its anchored place moves with it.
      place(current);
    },
    send(event, payload) {
      const current = live();
      if (current && listening && !current.webContents.isDestroyed()) current.webContents.send(event, payload);
    },
    close() {
      live()?.close();
    },
  };
}
