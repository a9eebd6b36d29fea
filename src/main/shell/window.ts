/**
 * The app's one window, created on demand and destroyed when closed: no hidden renderer
 * stays alive in the tray. `onOpen` runs per window and returns its cleanup, so whatever is
 * wired to a window (pushed updates) goes away with it.
 */
import { BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { pathToFileURL } from 'node:url';
import type { EventName, Events } from '../../shared/ipc.js';
import { guardContents } from './guards.js';
import { GLANCE_SIZE, glancePosition, hidesOnBlur, type Rect } from './window-placement.js';

export type Navigation = Events['navigate'];

export interface WindowOptions {
  preloadPath: string;
  indexPath: string;
  title(): string;
  /** Called when a window is created; the returned function runs when it closes. */
  onOpen(): () => void;
  /** The tray icon's bounds and the work area around it, where the system reports them. */
  anchor?(): { tray: Rect | null; workArea: Rect } | null;
}

export interface WindowManager {
  /** Shows (creating if needed) and focuses the window on the given view. */
  open(navigation?: Navigation): void;
  isOpen(): boolean;
  /** Whether an IPC call came from the app's own page in its own window. */
  isOwnSender(event: IpcMainInvokeEvent): boolean;
  /** Pushes an event to the window; nothing when it is closed. */
  send<E extends EventName>(event: E, payload: Events[E]): void;
  close(): void;
}

export function createWindowManager(options: WindowOptions): WindowManager {
  const pageUrl = pathToFileURL(options.indexPath).href;
  let window: BrowserWindow | null = null;
  let ready = false;
  let pending: Navigation | undefined;

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
    ready = false;
    const cleanup = options.onOpen();
    created.once('ready-to-show', () => created.show());
    created.webContents.once('did-finish-load', () => {
      ready = true;
      if (pending) created.webContents.send('navigate', pending);
      pending = undefined;
    });
    created.once('closed', () => {
      cleanup();
      if (window === created) window = null;
      ready = false;
      pending = undefined;
    });
    void created.loadFile(options.indexPath);
    return created;
  }

  /** Against the tray icon where its bounds are known; returns whether it was anchored. */
  function place(target: BrowserWindow): boolean {
    const anchor = options.anchor?.();
    const at = anchor ? glancePosition(anchor.tray, anchor.workArea, GLANCE_SIZE) : null;
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
      if (ready) target.webContents.send('navigate', navigation);
      else pending = navigation;
    },
    isOpen: () => live() !== null,
    isOwnSender(event) {
      const current = live();
      if (!current || event.sender.id !== current.webContents.id) return false;
      const frame = event.senderFrame;
      if (!frame || frame.parent) return false;
      return withoutFragment(frame.url) === pageUrl;
    },
    send(event, payload) {
      const current = live();
      if (current && ready && !current.webContents.isDestroyed()) current.webContents.send(event, payload);
    },
    close() {
      live()?.close();
    },
  };
}

function withoutFragment(url: string): string {
  const cut = url.search(/[?#]/);
  return cut === -1 ? url : url.slice(0, cut);
}
