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
import vm from 'node:vm';
import type Electron from 'electron';
import { createBridge, type RendererIpc } from '../../src/main/preload/bridge.js';
import { BRIDGE_KEY } from '../../src/shared/ipc-names.js';
import {
  FakeEmitter,
  type AppEvents,
  type BrowserWindowEvents,
  type MenuEvents,
  type NotificationEvents,
  type PowerMonitorEvents,
  type TrayEvents,
  type WebContentsEvents,
} from './electron-events.js';
import { netRequest, netRequests } from './electron-net.js';

/** A 1x1 PNG: what the fake's capturePage returns. */
export const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export class FakeNativeImage implements Pick<
  Electron.NativeImage,
  'isEmpty' | 'setTemplateImage' | 'isTemplateImage' | 'toPNG'
> {
  private template = false;
  constructor(
    readonly path: string,
    private readonly png: Buffer = ONE_PIXEL_PNG,
  ) {}
  toPNG(): Buffer {
    return this.png;
  }
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

export class FakeMenu extends FakeEmitter<MenuEvents> implements Pick<Electron.Menu, 'closePopup'> {
  static built: FakeMenu[] = [];
  /** What Menu.setApplicationMenu was last given; undefined when never called (Electron's default menu). */
  static applicationMenu: FakeMenu | null | undefined = undefined;
  static setApplicationMenu(menu: Electron.Menu | null): void {
    FakeMenu.applicationMenu = menu as unknown as FakeMenu | null;
  }
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
  /** Every item, submenus flattened. */
  allItems(): FakeMenuItem[] {
    const flatten = (items: FakeMenuItem[]): FakeMenuItem[] =>
      items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu as FakeMenuItem[]) : [])]);
    return flatten(this.template);
  }
  /** Clicks the item whose label is exactly `label`, as the OS would. */
  click(label: string): void {
    const item = this.allItems().find((candidate) => candidate.label === label);
    if (!item?.click) throw new Error(`no clickable menu item "${label}" in ${JSON.stringify(this.labels())}`);
    // The shell's handlers ignore the arguments Electron passes.
    item.click(item as unknown as Electron.MenuItem, undefined, {} as Electron.KeyboardEvent);
  }
}

export class FakeTray
  extends FakeEmitter<TrayEvents>
  implements
    Pick<
      Electron.Tray,
      'setImage' | 'setToolTip' | 'setTitle' | 'setContextMenu' | 'destroy' | 'isDestroyed' | 'getBounds'
    >
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
  /** Linux-like by default: no bounds reported. */
  bounds = { x: 0, y: 0, width: 0, height: 0 };
  getBounds(): Electron.Rectangle {
    return this.bounds;
  }
  /** A click on the icon, with what Electron passes (where the host reports one at all). */
  clickIcon(): void {
    const keys = { altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, triggeredByAccelerator: false };
    const { x, y } = this.bounds;
    this.emit('click', keys, this.bounds, { x, y });
  }
  /** The icon's file name without folder, e.g. "low.png". */
  iconFile(): string {
    const image = this.image;
    const path = typeof image === 'string' ? image : image.path;
    return path.split(/[\\/]/).pop() ?? '';
  }
}

export class FakeNotification
  extends FakeEmitter<NotificationEvents>
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

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export class FakeProtocol implements Pick<
  Electron.Protocol,
  'registerSchemesAsPrivileged' | 'handle' | 'unhandle' | 'isProtocolHandled'
> {
  privileged: Electron.CustomScheme[] = [];
  readonly handlers = new Map<string, ProtocolHandler>();
  registerSchemesAsPrivileged(customSchemes: Electron.CustomScheme[]): void {
    // Electron: "This method can only be used before the ready event of the app module".
    if (app.isReady()) throw new Error('registerSchemesAsPrivileged must be called before the app is ready');
    this.privileged.push(...customSchemes);
  }
  handle(scheme: string, handler: ProtocolHandler): void {
    if (!app.isReady()) throw new Error('protocol.handle needs the app to be ready');
    if (this.handlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`);
    this.handlers.set(scheme, handler);
  }
  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  }
  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }
  /** Whether Chromium treats `scheme` as standard (parsed like https). */
  isStandard(scheme: string): boolean {
    return (
      ['http', 'https', 'file'].includes(scheme) ||
      this.privileged.some((s) => s.scheme === scheme && s.privileges?.standard)
    );
  }
  /**
   * The URL as Chromium reports it for a frame: a standard scheme is canonicalised like
   * https (lower-case host, "/" for an empty path, dot segments resolved); other schemes
   * are left as written.
   */
  frameUrl(url: string): string {
    const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
    if (!this.isStandard(scheme) || scheme === 'file') return url;
    const asHttps = new URL(`https${url.slice(scheme.length)}`);
    return `${scheme}${asHttps.href.slice('https'.length)}`;
  }
  /** What a request for `url` gets: the registered handler's answer, or null (no handler). */
  async fetch(url: string): Promise<Response | null> {
    const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
    const handler = this.handlers.get(scheme);
    return handler ? handler(new Request(this.frameUrl(url))) : null;
  }
}

let nextContentsId = 1;

export class FakeWebContents
  extends FakeEmitter<WebContentsEvents>
  implements
    Pick<
      Electron.WebContents,
      'id' | 'send' | 'setWindowOpenHandler' | 'isDestroyed' | 'getURL' | 'executeJavaScript' | 'capturePage'
    >
{
  readonly id = nextContentsId++;
  readonly mainFrame = new FakeWebFrame('about:blank');
  sent: Array<{ channel: string; payload: unknown }> = [];
  windowOpenHandler: ((details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) | null = null;
  /** The answer the page was served with (custom schemes), for header checks. */
  response: Response | null = null;
  /** The page side of IPC: what the preload's ipcRenderer would see in this window. */
  private readonly page = new EventEmitter();
  /** Settles when the first page load finished (Electron's did-finish-load). */
  readonly finishedLoad = new Promise<void>((resolve) => this.once('did-finish-load', () => resolve()));
  private destroyed = false;
  /** What the app's page does once it has subscribed: tell main, through the real bridge. */
  async pageReady(): Promise<unknown> {
    await this.finishedLoad;
    return this.executeJavaScript('window.eiot.windowReady({})');
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, payload: args[0] });
    this.page.emit(channel, {}, ...args);
  }
  /**
   * Runs `code` as the loaded page would: `window.eiot` is the real preload bridge over an
   * ipcRenderer that reaches ipcMain with this window's main frame as the sender.
   */
  async executeJavaScript(code: string): Promise<unknown> {
    if (this.destroyed) throw new Error('Object has been destroyed');
    const rendererIpc: RendererIpc = {
      invoke: (channel, ...args) => ipcMain.invoke(channel, { contents: this }, args[0]),
      on: (channel, listener) => this.page.on(channel, listener),
      removeListener: (channel, listener) => this.page.removeListener(channel, listener),
    };
    const context = vm.createContext({
      window: { [BRIDGE_KEY]: createBridge(rendererIpc) },
      setTimeout,
      location: { href: this.mainFrame.url },
    });
    return (await vm.runInContext(code, context)) as unknown;
  }
  async capturePage(): Promise<Electron.NativeImage> {
    return new FakeNativeImage('') as unknown as Electron.NativeImage;
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
  extends FakeEmitter<BrowserWindowEvents>
  implements
    Pick<
      Electron.BrowserWindow,
      | 'loadFile'
      | 'loadURL'
      | 'show'
      | 'focus'
      | 'isMinimized'
      | 'restore'
      | 'close'
      | 'destroy'
      | 'isDestroyed'
      | 'isVisible'
      | 'setPosition'
      | 'hide'
      | 'getSize'
      | 'getContentSize'
      | 'setContentSize'
    >
{
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  visible = false;
  focused = 0;
  minimized = false;
  loaded: string | null = null;
  private destroyed = false;
  /** The content area; the fake's frame adds nothing (as a frameless window). */
  contentSize: [number, number];
  constructor(readonly options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    this.contentSize = [options.width ?? 800, options.height ?? 600];
    FakeBrowserWindow.instances.push(this);
  }
  getSize(): number[] {
    return [...this.contentSize];
  }
  getContentSize(): number[] {
    return [...this.contentSize];
  }
  setContentSize(width: number, height: number): void {
    this.contentSize = [width, height];
  }
  async loadFile(filePath: string): Promise<void> {
    this.loaded = filePath;
    this.webContents.mainFrame.url = pathToFileURL(filePath).href;
    this.webContents.emit('did-finish-load');
    this.emit('ready-to-show');
  }
  /** As Electron: a custom scheme without a handler (or a failing one) fails the load. */
  async loadURL(url: string): Promise<void> {
    this.loaded = url;
    this.webContents.emit('did-start-loading');
    const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
    if (!['http', 'https', 'file', 'data', 'about'].includes(scheme)) {
      const response = await protocol.fetch(url);
      if (!response || !response.ok) {
        const code = response ? -6 : -302;
        const description = response ? 'ERR_FILE_NOT_FOUND' : 'ERR_UNKNOWN_URL_SCHEME';
        this.webContents.emit('did-fail-load', {}, code, description, url, true);
        throw new Error(`${description} (${code}) loading '${url}'`);
      }
      this.webContents.response = response;
    }
    this.webContents.mainFrame.url = protocol.frameUrl(url);
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
  position: [number, number] | null = null;
  setPosition(x: number, y: number): void {
    this.position = [x, y];
  }
  hide(): void {
    this.visible = false;
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

export class FakePowerMonitor
  extends FakeEmitter<PowerMonitorEvents>
  implements Pick<Electron.PowerMonitor, 'isOnBatteryPower'>
{
  battery = false;
  isOnBatteryPower(): boolean {
    return this.battery;
  }
}

export class FakeNet implements Pick<Electron.Net, 'isOnline' | 'request'> {
  online = true;
  isOnline(): boolean {
    return this.online;
  }
  /** Loopback only, through Node's http (electron-net.ts). */
  request(options: Electron.ClientRequestConstructorOptions | string): Electron.ClientRequest {
    return netRequest(options);
  }
}

/** Electron's own updater, which electron-updater's MacUpdater drives (Squirrel.Mac). */
export class FakeAutoUpdater
  extends EventEmitter
  implements Pick<Electron.AutoUpdater, 'setFeedURL' | 'getFeedURL' | 'checkForUpdates' | 'quitAndInstall'>
{
  feedUrl = '';
  checks = 0;
  installs = 0;
  setFeedURL(options: Electron.FeedURLOptions): void {
    this.feedUrl = options.url;
  }
  getFeedURL(): string {
    return this.feedUrl;
  }
  checkForUpdates(): void {
    this.checks++;
  }
  quitAndInstall(): void {
    this.installs++;
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
  openedPaths: string[] = [];
  async openPath(path: string): Promise<string> {
    this.openedPaths.push(path);
    return '';
  }
}

export class FakeDialog implements Pick<Electron.Dialog, 'showSaveDialog' | 'showErrorBox'> {
  nextSave: Electron.SaveDialogReturnValue = { canceled: true, filePath: '' };
  saveRequests: Electron.SaveDialogOptions[] = [];
  errorBoxes: Array<{ title: string; content: string }> = [];
  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content });
  }
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

export class FakeCommandLine implements Pick<Electron.CommandLine, 'hasSwitch' | 'getSwitchValue' | 'appendSwitch'> {
  readonly switches = new Map<string, string>();
  hasSwitch(the_switch: string): boolean {
    return this.switches.has(the_switch);
  }
  getSwitchValue(the_switch: string): string {
    return this.switches.get(the_switch) ?? '';
  }
  appendSwitch(the_switch: string, value = ''): void {
    this.switches.set(the_switch, value);
  }
}

export class FakeApp
  extends FakeEmitter<AppEvents>
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
      | 'getLoginItemSettings'
      | 'setPath'
      | 'setAppUserModelId'
      | 'whenReady'
      | 'isReady'
      | 'isPackaged'
      | 'commandLine'
      | 'getName'
      | 'relaunch'
    >
{
  dock: FakeDock | undefined = new FakeDock();
  singleInstance = true;
  userData = '/nonexistent/user-data';
  appPath = process.cwd();
  locale = 'en-US';
  appUserModelId: string | null = null;
  loginItem: Electron.Settings | null = null;
  /** What the OS reports as "open at login" (System Settings may change it behind the app's back). */
  systemOpenAtLogin = false;
  loginItemWrites = 0;
  isPackaged = false;
  // Typed as Electron's: the fake implements the three methods the shell calls.
  readonly commandLine = new FakeCommandLine() as unknown as Electron.CommandLine & FakeCommandLine;
  quitRequests = 0;
  exited: number | null = null;
  private ready = false;
  version = '0.0.0-test';
  relaunches = 0;
  async whenReady(): Promise<void> {
    this.ready = true;
  }
  isReady(): boolean {
    return this.ready;
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
  readonly paths = new Map<string, string>();
  getPath(name: string): string {
    return this.paths.get(name) ?? this.userData;
  }
  setPath(name: string, path: string): void {
    if (this.ready && name === 'userData') throw new Error('userData must be set before the app is ready');
    this.paths.set(name, path);
  }
  getAppPath(): string {
    return this.appPath;
  }
  getVersion(): string {
    return this.version;
  }
  getName(): string {
    return 'EIOT Balance';
  }
  relaunch(): void {
    this.relaunches++;
  }
  getLocale(): string {
    return this.locale;
  }
  setLoginItemSettings(settings: Electron.Settings): void {
    this.loginItem = settings;
    this.loginItemWrites++;
    if (settings.openAtLogin !== undefined) this.systemOpenAtLogin = settings.openAtLogin;
  }
  getLoginItemSettings(): Electron.LoginItemSettings {
    return {
      openAtLogin: this.systemOpenAtLogin,
      wasOpenedAtLogin: false,
      status: this.systemOpenAtLogin ? 'enabled' : 'not-registered',
      executableWillLaunchAtLogin: this.systemOpenAtLogin,
      launchItems: [],
    };
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
export const session = {
  defaultSession: new FakeSession(),
  /** electron-updater downloads through its own partition. */
  fromPartition(_partition: string, _options?: Electron.FromPartitionOptions): Electron.Session {
    return new FakeSession() as unknown as Electron.Session;
  },
} satisfies Pick<typeof Electron.session, 'fromPartition'> & { defaultSession: FakeSession };
export const autoUpdater = new FakeAutoUpdater();
export const contextBridge = new FakeContextBridge();
export const protocol = new FakeProtocol();
export const ipcRenderer = new FakeIpcRenderer();
/** One 1920x1080 display with a 40 px taskbar at the bottom. */
export const screen = {
  getDisplayNearestPoint: (_point: Electron.Point) => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
};

/** Back to a fresh state between tests (the module's singletons persist across them). */
export function resetElectron(): void {
  for (const emitter of [app, ipcMain, powerMonitor, ipcRenderer, autoUpdater]) emitter.removeAllListeners();
  Object.assign(app, new FakeApp());
  app.removeAllListeners();
  ipcMain.handlers.clear();
  net.online = true;
  powerMonitor.battery = false;
  shell.opened = [];
  Object.assign(dialog, new FakeDialog());
  Object.assign(protocol, new FakeProtocol());
  shell.openedPaths = [];
  FakeMenu.applicationMenu = undefined;
  session.defaultSession = new FakeSession();
  contextBridge.exposed.clear();
  ipcRenderer.invoked = [];
  FakeTray.instances = [];
  FakeMenu.built = [];
  FakeNotification.instances = [];
  FakeNotification.supported = true;
  FakeBrowserWindow.instances = [];
  nativeImage.created = [];
  netRequests.length = 0;
  Object.assign(autoUpdater, new FakeAutoUpdater());
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
  protocol,
  autoUpdater,
  screen,
  Tray: FakeTray,
  Menu: FakeMenu,
  Notification: FakeNotification,
  BrowserWindow: FakeBrowserWindow,
};

/** The module object for vi.mock: named exports plus a default (electron-store imports the default). */
export const electronModule = { ...named, default: named };
