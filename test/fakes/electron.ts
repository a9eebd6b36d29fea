/**
 * A typed fake of the parts of `electron` the shell uses, wired with
 * `vi.mock('electron', () => import('../fakes/electron.js').then((m) => m.electronModule))`.
 * Every class and object is checked against Electron's own declarations (`implements` /
 * `satisfies Pick<...>`), so a renamed or re-typed API fails the type-check instead of
 * passing a test against a fake that drifted. Tests fire real events on these emitters and
 * call the handlers the shell registered.
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type Electron from 'electron';

export class FakeNativeImage implements Pick<Electron.NativeImage, 'isEmpty' | 'setTemplateImage' | 'isTemplateImage'> {
  private template = false;
  constructor(readonly path: string) {}
  isEmpty(): boolean {
    return !this.path || !existsSync(this.path);
  }
  setTemplateImage(option: boolean): void {
    this.template = option;
  }
  isTemplateImage(): boolean {
    return this.template;
  }
}

export const nativeImage = {
  created: [] as FakeNativeImage[],
  createFromPath(path: string): Electron.NativeImage {
    const image = new FakeNativeImage(path);
    nativeImage.created.push(image);
    return image as unknown as Electron.NativeImage;
  },
  createEmpty(): Electron.NativeImage {
    return new FakeNativeImage('') as unknown as Electron.NativeImage;
  },
} satisfies Pick<typeof Electron.nativeImage, 'createFromPath' | 'createEmpty'> & { created: FakeNativeImage[] };

export type FakeMenuItem = Electron.MenuItemConstructorOptions;

export class FakeMenu extends EventEmitter implements Pick<Electron.Menu, 'closePopup'> {
  static built: FakeMenu[] = [];
  constructor(readonly template: FakeMenuItem[]) {
    super();
  }
  static buildFromTemplate(template: Array<Electron.MenuItemConstructorOptions | Electron.MenuItem>): Electron.Menu {
    const menu = new FakeMenu(template as FakeMenuItem[]);
    FakeMenu.built.push(menu);
    return menu as unknown as Electron.Menu;
  }
  closePopup(): void {}
  labels(): string[] {
    return this.template.filter((item) => item.type !== 'separator').map((item) => item.label ?? '');
  }
  /** Clicks the item whose label is exactly `label`, as the OS would. */
  click(label: string): void {
    const item = this.template.find((candidate) => candidate.label === label);
    if (!item?.click) throw new Error(`no clickable menu item "${label}" in ${JSON.stringify(this.labels())}`);
    // The shell's handlers ignore the arguments Electron passes.
    item.click(item as unknown as Electron.MenuItem, undefined, {} as Electron.KeyboardEvent);
  }
}

export class FakeTray
  extends EventEmitter
  implements Pick<Electron.Tray, 'setImage' | 'setToolTip' | 'setTitle' | 'setContextMenu' | 'destroy' | 'isDestroyed'>
{
  static instances: FakeTray[] = [];
  image: FakeNativeImage | string;
  tooltip = '';
  title = '';
  contextMenu: FakeMenu | null = null;
  imageChanges = 0;
  private destroyed = false;
  constructor(image: Electron.NativeImage | string) {
    super();
    this.image = image as unknown as FakeNativeImage;
    FakeTray.instances.push(this);
  }
  setImage(image: Electron.NativeImage | string): void {
    this.image = image as unknown as FakeNativeImage;
    this.imageChanges++;
  }
  setToolTip(toolTip: string): void {
    this.tooltip = toolTip;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setContextMenu(menu: Electron.Menu | null): void {
    this.contextMenu = menu as unknown as FakeMenu | null;
  }
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** The icon's file name without folder, e.g. "low.png". */
  iconFile(): string {
    const image = this.image;
    const path = typeof image === 'string' ? image : image.path;
    return path.split(/[\\/]/).pop() ?? '';
  }
}

export class FakeNotification
  extends EventEmitter
  implements Pick<Electron.Notification, 'show' | 'close' | 'title' | 'body'>
{
  static instances: FakeNotification[] = [];
  static supported = true;
  title: string;
  body: string;
  shown = false;
  closed = false;
  constructor(options?: Electron.NotificationConstructorOptions) {
    super();
    this.title = options?.title ?? '';
    this.body = options?.body ?? '';
    FakeNotification.instances.push(this);
  }
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  show(): void {
    this.shown = true;
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.emit('close', {});
  }
}

export class FakeWebFrame implements Pick<Electron.WebFrameMain, 'url'> {
  constructor(
    public url: string,
    readonly parent: FakeWebFrame | null = null,
  ) {}
}

let nextContentsId = 1;

export class FakeWebContents
  extends EventEmitter
  implements Pick<Electron.WebContents, 'id' | 'send' | 'setWindowOpenHandler' | 'isDestroyed' | 'getURL'>
{
  readonly id = nextContentsId++;
  readonly mainFrame = new FakeWebFrame('about:blank');
  sent: Array<{ channel: string; payload: unknown }> = [];
  windowOpenHandler: ((details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) | null = null;
  private destroyed = false;
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, payload: args[0] });
  }
  setWindowOpenHandler(handler: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  markDestroyed(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
  /** A navigation attempt as Chromium reports it; true when the shell let it through. */
  tryNavigate(url: string): boolean {
    let prevented = false;
    this.emit('will-navigate', { url, preventDefault: () => (prevented = true) }, url);
    return !prevented;
  }
}

export class FakeBrowserWindow
  extends EventEmitter
  implements
    Pick<
      Electron.BrowserWindow,
      'loadFile' | 'show' | 'focus' | 'isMinimized' | 'restore' | 'close' | 'destroy' | 'isDestroyed' | 'isVisible'
    >
{
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  visible = false;
  focused = 0;
  minimized = false;
  loaded: string | null = null;
  private destroyed = false;
  constructor(readonly options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  async loadFile(filePath: string): Promise<void> {
    this.loaded = filePath;
    this.webContents.mainFrame.url = pathToFileURL(filePath).href;
    this.webContents.emit('did-finish-load');
    this.emit('ready-to-show');
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused++;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  close(): void {
    if (this.destroyed) return;
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.webContents.markDestroyed();
    this.emit('closed');
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

type InvokeHandler = (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export class FakeIpcMain extends EventEmitter implements Pick<Electron.IpcMain, 'handle' | 'removeHandler'> {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, listener: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What `ipcRenderer.invoke` in the given frame would get back. */
  async invoke(
    channel: string,
    sender: { contents: FakeWebContents; frame?: FakeWebFrame | null },
    payload?: unknown,
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const frame = sender.frame === undefined ? sender.contents.mainFrame : sender.frame;
    const event = { sender: sender.contents, senderFrame: frame, frameId: 1, processId: 1, type: 'frame' };
    return handler(event as unknown as Electron.IpcMainInvokeEvent, payload);
  }
}

export class FakePowerMonitor extends EventEmitter implements Pick<Electron.PowerMonitor, 'isOnBatteryPower'> {
  isOnBatteryPower(): boolean {
    return false;
  }
}

export class FakeNet implements Pick<Electron.Net, 'isOnline'> {
  online = true;
  isOnline(): boolean {
    return this.online;
  }
}

type PermissionHandler = Parameters<Electron.Session['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<Electron.Session['setPermissionCheckHandler']>[0];
type HeadersListener =
  | ((
      details: Electron.OnHeadersReceivedListenerDetails,
      callback: (response: Electron.HeadersReceivedResponse) => void,
    ) => void)
  | null;

export class FakeWebRequest implements Pick<Electron.WebRequest, 'onHeadersReceived'> {
  headersListener: HeadersListener = null;
  onHeadersReceived(filter: Electron.WebRequestFilter, listener: HeadersListener): void;
  onHeadersReceived(listener: HeadersListener): void;
  onHeadersReceived(first: Electron.WebRequestFilter | HeadersListener, second?: HeadersListener): void {
    this.headersListener = typeof first === 'function' || first === null ? first : (second ?? null);
  }
}

export class FakeSession implements Pick<
  Electron.Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler'
> {
  readonly webRequest = new FakeWebRequest();
  permissionHandler: PermissionHandler = null;
  permissionCheckHandler: PermissionCheckHandler = null;
  setPermissionRequestHandler(handler: PermissionHandler): void {
    this.permissionHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
}

export class FakeShell implements Pick<Electron.Shell, 'openExternal' | 'openPath'> {
  opened: string[] = [];
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  }
  async openPath(): Promise<string> {
    return '';
  }
}

export class FakeDialog implements Pick<Electron.Dialog, 'showSaveDialog'> {
  nextSave: Electron.SaveDialogReturnValue = { canceled: true, filePath: '' };
  saveRequests: Electron.SaveDialogOptions[] = [];
  showSaveDialog(
    window: Electron.BaseWindow,
    options: Electron.SaveDialogOptions,
  ): Promise<Electron.SaveDialogReturnValue>;
  showSaveDialog(options: Electron.SaveDialogOptions): Promise<Electron.SaveDialogReturnValue>;
  async showSaveDialog(
    first: Electron.BaseWindow | Electron.SaveDialogOptions,
    second?: Electron.SaveDialogOptions,
  ): Promise<Electron.SaveDialogReturnValue> {
    this.saveRequests.push(second ?? (first as Electron.SaveDialogOptions));
    return this.nextSave;
  }
}

export class FakeDock implements Pick<Electron.Dock, 'hide'> {
  hidden = false;
  hide(): void {
    this.hidden = true;
  }
}

export class FakeApp
  extends EventEmitter
  implements
    Pick<
      Electron.App,
      | 'requestSingleInstanceLock'
      | 'quit'
      | 'exit'
      | 'getPath'
      | 'getAppPath'
      | 'getVersion'
      | 'getLocale'
      | 'setLoginItemSettings'
      | 'setAppUserModelId'
      | 'whenReady'
      | 'isReady'
    >
{
  dock: FakeDock | undefined = new FakeDock();
  singleInstance = true;
  userData = '/nonexistent/user-data';
  appPath = process.cwd();
  locale = 'en-US';
  appUserModelId: string | null = null;
  loginItem: Electron.Settings | null = null;
  quitRequests = 0;
  exited: number | null = null;
  async whenReady(): Promise<void> {}
  isReady(): boolean {
    return true;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  /** Emits before-quit as Electron does; quits unless a listener prevented it. */
  quit(): void {
    this.quitRequests++;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.exited ??= 0;
  }
  exit(exitCode = 0): void {
    this.exited = exitCode;
  }
  getPath(_name: string): string {
    return this.userData;
  }
  getAppPath(): string {
    return this.appPath;
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  getLocale(): string {
    return this.locale;
  }
  setLoginItemSettings(settings: Electron.Settings): void {
    this.loginItem = settings;
  }
  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }
}

// The preload's side: what a sandboxed preload may require.
export class FakeContextBridge implements Pick<Electron.ContextBridge, 'exposeInMainWorld'> {
  exposed = new Map<string, unknown>();
  exposeInMainWorld(apiKey: string, api: unknown): void {
    this.exposed.set(apiKey, api);
  }
}

export class FakeIpcRenderer extends EventEmitter implements Pick<Electron.IpcRenderer, 'invoke'> {
  invoked: Array<{ channel: string; args: unknown[] }> = [];
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return { ok: true, value: null };
  }
}

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const powerMonitor = new FakePowerMonitor();
export const net = new FakeNet();
export const shell = new FakeShell();
export const dialog = new FakeDialog();
export const session = { defaultSession: new FakeSession() };
export const contextBridge = new FakeContextBridge();
export const ipcRenderer = new FakeIpcRenderer();

/** Back to a fresh state between tests (the module's singletons persist across them). */
export function resetElectron(): void {
  for (const emitter of [app, ipcMain, powerMonitor, ipcRenderer]) emitter.removeAllListeners();
  Object.assign(app, new FakeApp());
  app.removeAllListeners();
  ipcMain.handlers.clear();
  net.online = true;
  shell.opened = [];
  Object.assign(dialog, new FakeDialog());
  session.defaultSession = new FakeSession();
  contextBridge.exposed.clear();
  ipcRenderer.invoked = [];
  FakeTray.instances = [];
  FakeMenu.built = [];
  FakeNotification.instances = [];
  FakeNotification.supported = true;
  FakeBrowserWindow.instances = [];
  nativeImage.created = [];
}

/** Listener counts on the app-wide emitters, for leak checks. */
export function listenerCount(emitter: EventEmitter): number {
  return emitter.eventNames().reduce((sum, name) => sum + emitter.listenerCount(name), 0);
}

const named = {
  app,
  ipcMain,
  powerMonitor,
  net,
  shell,
  dialog,
  session,
  nativeImage,
  contextBridge,
  ipcRenderer,
  Tray: FakeTray,
  Menu: FakeMenu,
  Notification: FakeNotification,
  BrowserWindow: FakeBrowserWindow,
};

/** The module object for vi.mock: named exports plus a default (electron-store imports the default). */
export const electronModule = { ...named, default: named };
