/**
 * The built window in real headless Chromium, talking to the real thing: the window's bridge
 * is the contract's method list bound to `dispatch` over `createIpcHandlers`, in front of the
 * real engine, whose HTTP client signs real requests to the endpoint simulator. Only the
 * keychain (in memory), the settings file (in memory) and the save dialog are stand-ins.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { bridgeEvents, bridgeMethods, type EventName, type Events } from '../../src/shared/ipc.js';
import type { AccountConfig, AppSettings, HistoryEntry } from '../../src/shared/types.js';
import { DEFAULT_SETTINGS } from '../../src/shared/types.js';
import { createEngine } from '../../src/main/core/engine.js';
import type { EngineApi } from '../../src/main/core/engine-api.js';
import { createIpcHandlers, dispatch, type HandlerDeps, type IpcHandlers } from '../../src/main/window-api/handlers.js';
import { createBalanceClient, type BalanceClient } from '../../src/main/core/client/index.js';
import { MemorySecretStore } from '../../src/main/core/secrets/memory.js';
import { systemClock, systemTimers, type DocumentStore } from '../../src/main/core/ports.js';
import { historyPath, writeFileAtomic } from '../../src/main/core/history/file-store.js';
import { encodeHistory } from '../../src/main/core/history/format.js';
import { startSimulator, type Simulator, type SimulatorScript } from '../../src/main/simulator/index.js';
import { TEST_ACCOUNT } from '../helpers/simulator.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const ARTIFACTS = join(process.cwd(), 'test/artifacts');
const RENDERER_DIR = join(process.cwd(), 'dist/renderer');

/** Text as a person reads it: Intl's narrow and no-break spaces become plain ones. */
export function plain(text: string | null): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
}

/** Why the UI tests cannot run here, or null. In CI a missing browser is a failure, not a skip. */
export function chromiumUnavailable(): string | null {
  return existsSync(CHROMIUM_PATH) ? null : `${CHROMIUM_PATH} not found (apt-get install chromium)`;
}

/**
 * One Chromium per test file (vitest gives each file its own module instance): launched by the
 * first harness, shared by the file's tests through a fresh context each, closed by describeUi.
 */
let browser: Promise<Browser> | null = null;

function sharedBrowser(): Promise<Browser> {
  browser ??= chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  const open = browser;
  browser = null;
  await (await open)?.close();
}

/** One account already set up, with its history on disk, as after weeks of use. */
export interface SeedAccount {
  account: Omit<AccountConfig, 'baseUrl'>;
  history: HistoryEntry[];
  /** The stored secret; a wrong one makes the platform reject the account. */
  secret?: string;
  /** Its own endpoint (another balance or currency); the shared simulator otherwise. */
  simulator?: SimulatorScript;
}

/** The glance window's size: a tray popover. */
export const GLANCE_VIEWPORT = { width: 400, height: 640 };

export interface UiOptions {
  colorScheme?: 'light' | 'dark';
  /** The "system" locale the window sees as navigator.language. */
  locale?: string;
  platform?: string;
  simulator?: SimulatorScript;
  /** An account already set up, with history on disk, as after weeks of use. */
  seed?: { account: Omit<AccountConfig, 'baseUrl'>; history: HistoryEntry[]; settings?: Partial<AppSettings> };
  /** The app's own updates as main reports them (absent: "not an installed build"). */
  updates?: HandlerDeps['updates'];
  /** Several accounts at once (used instead of `seed`). */
  accounts?: SeedAccount[];
  settings?: Partial<AppSettings>;
  viewport?: { width: number; height: number };
}

export interface CsvExport {
  defaultName: string;
  csv: string;
}

export class UiHarness {
  /** Uncaught errors in any window: a test that ends with one has failed. */
  readonly pageErrors: string[] = [];
  /** How often the window asked main to put it away (Esc). */
  hides = 0;
  /** Every height the window asked main for (window:fit), oldest first. */
  readonly fits: number[] = [];
  /** How often the window asked main to quit the app. */
  quits = 0;
  private readonly pages = new Set<Page>();

  private constructor(
    /** Every CSV the window asked main to save, as the save dialog would have received it. */
    readonly exports: readonly CsvExport[],
    readonly context: BrowserContext,
    readonly engine: EngineApi,
    readonly handlers: IpcHandlers,
    readonly simulator: Simulator,
    readonly url: string,
    private readonly cleanup: () => Promise<void>,
  ) {}

  static async start(options: UiOptions = {}): Promise<UiHarness> {
    const dir = await mkdtemp(join(tmpdir(), 'eiot-ui-'));
    const simulator = await startSimulator({
      accounts: [TEST_ACCOUNT],
      host: '127.0.0.1',
      port: 0,
      balance: { start: '1234.56' },
      currency: 'USD',
      ...options.simulator,
    });
    const secrets = new MemorySecretStore();
    const store = memoryStore(join(dir, 'settings.json'));
    const dataDir = join(dir, 'data');
    const seeds: SeedAccount[] = options.accounts ?? (options.seed ? [options.seed] : []);
    const extraSimulators: Simulator[] = [];
    if (seeds.length > 0) {
      const accounts: AccountConfig[] = [];
      for (const seed of seeds) {
        let url = simulator.url;
        if (seed.simulator) {
          const own = await startSimulator({ accounts: [TEST_ACCOUNT], host: '127.0.0.1', port: 0, ...seed.simulator });
          extraSimulators.push(own);
          url = own.url;
        }
        accounts.push({ ...seed.account, baseUrl: url });
        await writeFileAtomic(historyPath(dataDir, seed.account.id), encodeHistory(seed.history));
        await secrets.set(seed.account.id, seed.secret ?? TEST_ACCOUNT.secret);
      }
      store.write({
        schemaVersion: 1,
        settings: { ...DEFAULT_SETTINGS, ...options.seed?.settings, ...options.settings },
        accounts,
        alerts: {},
      });
    }
    const client: BalanceClient = createBalanceClient({ version: 'ui-test' });
    const engine = createEngine({
      clock: systemClock,
      timers: systemTimers,
      random: Math.random,
      fetchBalance: client.fetchBalance,
      secrets,
      store,
      dataDir,
    });
    await engine.start();

    const exports: CsvExport[] = [];
    let onHide = () => {};
    let onFit = (_height: number) => {};
    let onQuit = () => {};
    const handlers = createIpcHandlers(engine, {
      hideWindow: () => onHide(),
      fitWindow: (height) => onFit(height),
      quitApp: () => onQuit(),
      saveCsv: async (defaultName, csv) => {
        exports.push({ defaultName, csv });
        return { saved: true, path: `/home/user/${defaultName}` };
      },
      appInfo: { version: '0.1.0', platform: options.platform ?? 'linux' },
      updates: options.updates,
    });
    const server = await serveRenderer();
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`;

    const context = await (
      await sharedBrowser()
    ).newContext({
      colorScheme: options.colorScheme ?? 'light',
      locale: options.locale ?? 'en-US',
      timezoneId: 'UTC',
      viewport: options.viewport ?? GLANCE_VIEWPORT,
    });
    await context.exposeBinding('__eiotInvoke', (_source, channel: string, payload: unknown) =>
      dispatch(handlers, channel as keyof typeof handlers, payload),
    );
    await context.addInitScript({ content: bridgeScript() });

    const harness = new UiHarness(exports, context, engine, handlers, simulator, url, async () => {
      await context.close();
      await engine.stop();
      await client.close();
      await simulator.close();
      await Promise.all(extraSimulators.map((extra) => extra.close()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    });
    onHide = () => {
      harness.hides += 1;
    };
    onFit = (height) => harness.fits.push(height);
    onQuit = () => {
      harness.quits += 1;
    };
    engine.subscribe((snapshot) => void harness.push('state:changed', snapshot));
    engine.onSettings((settings) => void harness.push('settings:changed', settings));
    return harness;
  }

  /** A new window on the app, once its first view is on screen. */
  async open(): Promise<Page> {
    const page = await this.context.newPage();
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') this.pageErrors.push(message.text());
    });
    this.pages.add(page);
    page.on('close', () => this.pages.delete(page));
    await page.goto(this.url);
    await page.waitForSelector('main [data-view]');
    return page;
  }

  private held: (() => Promise<void>)[] | null = null;

  /** Delays pushed events, as a busy IPC channel would, until `releasePushes`. */
  holdPushes(): void {
    this.held ??= [];
  }

  async releasePushes(): Promise<void> {
    const held = this.held ?? [];
    this.held = null;
    for (const send of held) await send();
  }

  /** What main's `webContents.send` does: the event reaches every open window. */
  async push<E extends EventName>(event: E, payload: Events[E]): Promise<void> {
    if (this.held) {
      this.held.push(() => this.push(event, payload));
      return;
    }
    await Promise.all(
      [...this.pages].map(
        (page) =>
          page
            .evaluate(
              ([name, value]) =>
                (window as unknown as { __eiotEmit(n: string, v: unknown): void }).__eiotEmit(name, value),
              [event, payload] as const,
            )
            .catch(() => undefined), // a page mid-navigation misses the push, as a real reload would
      ),
    );
  }

  async close(): Promise<void> {
    await this.cleanup();
  }
}

/** The test twin of the preload: named methods from the contract's map, nothing more. */
function bridgeScript(): string {
  return `(() => {
    const methods = ${JSON.stringify(bridgeMethods)};
    const events = ${JSON.stringify(bridgeEvents)};
    const listeners = new Map();
    const bridge = {};
    for (const [name, channel] of Object.entries(methods)) {
      bridge[name] = (request) => window.__eiotInvoke(channel, request);
    }
    for (const [name, event] of Object.entries(events)) {
      bridge[name] = (listener) => {
        if (!listeners.has(event)) listeners.set(event, new Set());
        listeners.get(event).add(listener);
        return () => listeners.get(event).delete(listener);
      };
    }
    Object.defineProperty(window, '__eiotEmit', {
      value: (event, payload) => { for (const listener of listeners.get(event) ?? []) listener(payload); },
    });
    Object.defineProperty(window, 'eiot', { value: Object.freeze(bridge) });
  })();`;
}

function memoryStore(path: string): DocumentStore {
  let document: unknown;
  return {
    path,
    read: () => (document === undefined ? undefined : structuredClone(document)),
    write: (next) => {
      document = structuredClone(next);
    },
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/** Module scripts do not load from file://, so the built window is served over loopback. */
function serveRenderer(): Promise<Server> {
  const server = createServer((request, response) => {
    // Chromium asks for a favicon; Electron does not. Nothing to see either way.
    if (request.url === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = join(RENDERER_DIR, path === '/' ? 'index.html' : path);
    if (!file.startsWith(RENDERER_DIR)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) =>
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
