/**
 * The built window in real headless Chromium, talking to the real thing: the window's bridge
 * is the contract's method list bound to `dispatch` over `createIpcHandlers`, in front of the
 * real engine, whose HTTP client signs real requests to the endpoint simulator. Only the
 * keychain (in memory), the settings file (in memory) and the save dialog are stand-ins.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
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
import { closeBrowser, screenshotsWanted } from './browser.js';
import { forgetWindows, parkWindow, takeWindow, type WindowLook } from './windows.js';

export { CHROMIUM_PATH, chromiumUnavailable } from './chromium.js';

export const ARTIFACTS = join(process.cwd(), 'test/artifacts');
const RENDERER_DIR = join(process.cwd(), 'dist/renderer');

/** Text as a person reads it: Intl's narrow and no-break spaces become plain ones. */
export function plain(text: string | null): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
}

/**
 * A screenshot for a human to look at, in test/artifacts/: written by `npm run test:ui` only.
 * `npm test` runs the same steps and assertions without paying for some forty PNGs.
 */
export async function screenshot(target: Page | Locator, name: string): Promise<void> {
  if (!screenshotsWanted()) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  await ('goto' in target ? target.screenshot({ path, fullPage: true }) : target.screenshot({ path }));
}

/** The file's renderer server: one for all its tests, so every window loads the same URL. */
let renderer: Promise<Server> | null = null;

/** Ends the file's windows, its browser connection and its renderer server (describeUi does). */
export async function closeUi(): Promise<void> {
  forgetWindows();
  await closeBrowser();
  const server = await renderer;
  renderer = null;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
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
    private readonly look: WindowLook,
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
    renderer ??= serveRenderer();
    const url = `http://127.0.0.1:${((await renderer).address() as AddressInfo).port}/index.html`;
    const look: WindowLook = {
      colorScheme: options.colorScheme ?? 'light',
      locale: options.locale ?? 'en-US',
      viewport: options.viewport ?? GLANCE_VIEWPORT,
    };

    const harness = new UiHarness(exports, look, engine, handlers, simulator, url, async () => {
      await Promise.all([...harness.pages].map((page) => parkWindow(page, look.locale)));
      harness.pages.clear();
      await engine.stop();
      await client.close();
      await simulator.close();
      await Promise.all(extraSimulators.map((extra) => extra.close()));
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

  /** A new window on the app (a fresh document), once its first view is on screen. */
  async open(): Promise<Page> {
    const page = await takeWindow(this.look, BRIDGE_SCRIPT, {
      // The window's calls go over `dispatch` to this test's handlers, read at call time so a
      // test may replace one.
      invoke: (channel, payload) => this.reply(channel, payload),
      pageError: (message) => this.pageErrors.push(message),
    });
    this.pages.add(page);
    page.once('close', () => this.pages.delete(page));
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
    const delivered = Promise.all(
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
    ).then(() => undefined);
    this.inFlight.add(delivered);
    await delivered;
    this.inFlight.delete(delivered);
  }

  /** Pushes on their way to the windows (see `reply`). */
  private readonly inFlight = new Set<Promise<void>>();

  /**
   * Main's answer to a window's call. Electron delivers what main sent (webContents.send)
   * before an invoke's reply ahead of that reply, on the one channel; here pushes and replies
   * travel apart, so the reply waits for the pushes the call set off.
   */
  private async reply(channel: string, payload: unknown): Promise<unknown> {
    const answer = await dispatch(this.handlers, channel as keyof IpcHandlers, payload);
    await Promise.all(this.inFlight);
    return answer;
  }

  async close(): Promise<void> {
    await this.cleanup();
  }
}

/** The test twin of the preload: named methods from the contract's map, nothing more. */
const BRIDGE_SCRIPT = `(() => {
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
        response
          .writeHead(200, {
            'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
            // The build does not change during a run: a window loading the app again reuses it.
            'cache-control': 'max-age=3600',
          })
          .end(body),
      () => response.writeHead(404).end(),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Each test's harness: the test starts it, and after the test it is closed and the test
 * fails on any uncaught error its windows saw.
 */
export function harnessEachTest(): (options?: UiOptions) => Promise<UiHarness> {
  let current: UiHarness | undefined;
  afterEach(async () => {
    const errors = current?.pageErrors ?? [];
    await current?.close();
    current = undefined;
    expect(errors).toEqual([]);
  });
  return async (options) => (current = await UiHarness.start(options));
}
