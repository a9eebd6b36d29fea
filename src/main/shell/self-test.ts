/**
 * `--self-test`: the real app, end to end, with nothing of the user's touched. A temporary
 * data folder and Chromium profile, secrets in memory, login item untouched, the built-in
 * simulator as the platform. Steps: start the app (tray created), the window loads on the
 * app scheme, the page adds an account and reads its balance through the real preload and
 * IPC, the page is captured to PNG. Every step is timed into a JSON report; exit code 0 when
 * all passed, 1 otherwise, and never later than the deadline.
 */
import { app, type BrowserWindow } from 'electron';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBalanceClient } from '../core/client/index.js';
import { createEngine } from '../core/engine.js';
import { systemClock, systemTimers, type Timers } from '../core/ports.js';
import { MemorySecretStore } from '../core/secrets/memory.js';
import { scenarioOptions, startSimulator, type Simulator } from '../simulator/index.js';
import { startApp, type AppDeps, type RunningApp } from './app.js';
import { electronDocumentStore } from './electron-store.js';
import type { LogFile } from './log-file.js';
import { isAppPage } from './scheme.js';

export const SELF_TEST_FLAG = '--self-test';
export const SELF_TEST_OUT_FLAG = '--self-test-out=';
/** The steps' deadline; quitting has its own, so the whole run stays under 60 s. */
export const SELF_TEST_DEADLINE_MS = 50_000;
const QUIT_DEADLINE_MS = 5_000;
export const REPORT_FILE = 'self-test-report.json';
export const SCREENSHOT_FILE = 'self-test.png';

export interface SelfTestStep {
  name: string;
  ok: boolean;
  ms: number;
  detail?: string;
  error?: string;
}

export interface SelfTestReport {
  ok: boolean;
  startedAt: string;
  durationMs: number;
  version: string;
  platform: string;
  electron: string | null;
  sandbox: 'on' | 'off';
  steps: SelfTestStep[];
  screenshot: string | null;
  logFile: string;
}

/** The report folder when `--self-test` was given, else null. */
export function selfTestFolder(argv: readonly string[], cwd: string): string | null {
  if (!argv.includes(SELF_TEST_FLAG)) return null;
  const given = argv.find((arg) => arg.startsWith(SELF_TEST_OUT_FLAG))?.slice(SELF_TEST_OUT_FLAG.length);
  return path.resolve(cwd, given || 'eiot-balance-self-test');
}

export interface SelfTestOptions {
  folder: string;
  log: LogFile;
  platform?: NodeJS.Platform;
  timers?: Timers;
  deadlineMs?: number;
  /** Passed on to startApp (tests: the tray host probe). */
  appDeps?: Partial<AppDeps>;
}

function waitForLoad(window: BrowserWindow): Promise<void> {
  const contents = window.webContents;
  if (isAppPage(contents.getURL())) return Promise.resolve();
  return new Promise((resolve, reject) => {
    contents.once('did-finish-load', () => resolve());
    contents.once('did-fail-load', (_event, code, description) => reject(new Error(`${description} (${code})`)));
  });
}

/** Runs in the page: the same calls the form makes, through window.eiot. */
function pageScript(baseUrl: string, appkey: string, secret: string): string {
  const account = { label: 'Self-test', appkey, baseUrl, pollIntervalSec: 60, enabled: true };
  return `(async () => {
    const eiot = window.eiot;
    const added = await eiot.addAccount({ account: ${JSON.stringify(account)}, secret: ${JSON.stringify(secret)} });
    if (!added.ok) return { ok: false, error: added.error.code + ': ' + added.error.message };
    for (let i = 0; i < 150; i++) {
      const state = await eiot.getState({});
      const found = state.ok ? state.value.accounts.find((a) => a.id === added.value.id) : undefined;
      if (found && found.lastReading) return { ok: true, balance: found.lastReading.balance, currency: found.lastReading.currency };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { ok: false, error: 'no balance within 15 s' };
  })()`;
}

interface PageAnswer {
  ok: boolean;
  balance?: string;
  currency?: string;
  error?: string;
}

export async function runSelfTest(options: SelfTestOptions): Promise<SelfTestReport> {
  const timers = options.timers ?? systemTimers;
  const began = systemClock.now();
  const steps: SelfTestStep[] = [];
  const work = mkdtempSync(path.join(tmpdir(), 'eiot-balance-self-test-'));
  // A profile of its own: the single-instance lock and Chromium's data are per profile.
  app.setPath('userData', path.join(work, 'profile'));
  mkdirSync(options.folder, { recursive: true });
  let simulator: Simulator | null = null;
  let running: RunningApp | null = null;
  let screenshot: string | null = null;
  const client = createBalanceClient({ version: app.getVersion() });
  const credentials = {
    appkey: `self-test-${randomBytes(4).toString('hex')}`,
    secret: randomBytes(18).toString('base64url'),
  };
  options.log.redactor.remember(credentials.secret);

  async function step(name: string, action: () => Promise<string | undefined>): Promise<boolean> {
    const start = systemClock.now();
    try {
      const detail = await action();
      steps.push({ name, ok: true, ms: systemClock.now() - start, ...(detail ? { detail } : {}) });
      options.log.info(`self-test: ${name}: ok${detail ? ` (${detail})` : ''}`);
      return true;
    } catch (error) {
      const message = options.log.redactor.redact((error as Error).message ?? String(error));
      steps.push({ name, ok: false, ms: systemClock.now() - start, error: message });
      options.log.error(`self-test: ${name}: failed`, error);
      return false;
    }
  }

  const sequence = async () => {
    if (
      !(await step('start the simulator', async () => {
        simulator = await startSimulator({ ...scenarioOptions('steady'), accounts: [credentials], host: '127.0.0.1' });
        return simulator.url;
      }))
    )
      return;
    if (
      !(await step('start the app and create the tray', async () => {
        running = await startApp({
          argv: [],
          dataDir: path.join(work, 'data'),
          platform: options.platform ?? process.platform,
          log: options.log.info,
          logFolder: options.log.folder,
          rememberSecret: options.log.redactor.remember,
          openWindow: true,
          // The user's "start at login" is never read or written by a test run.
          loginItem: { read: () => false, write: () => undefined },
          createEngine: async ({ dataDir, log }) => ({
            engine: createEngine({
              clock: systemClock,
              timers,
              random: Math.random,
              fetchBalance: client.fetchBalance,
              secrets: new MemorySecretStore(),
              store: electronDocumentStore(dataDir),
              dataDir,
              log,
            }),
            dispose: () => client.close(),
          }),
          ...options.appDeps,
        });
        if (!running) throw new Error('another instance holds the lock');
        if (!running.tray.isShown()) throw new Error('the tray icon was not created');
        return `tray host: ${running.trayHost}`;
      }))
    )
      return;
    const started = running as unknown as RunningApp;
    const window = started.windows.current();
    if (
      !(await step('load the window on the app scheme', async () => {
        if (!window) throw new Error('no window was opened');
        await waitForLoad(window);
        const url = window.webContents.getURL();
        if (!isAppPage(url)) throw new Error(`the window shows ${url}`);
        return url;
      }))
    )
      return;
    if (
      !(await step('add an account and read its balance from the page', async () => {
        const sim = simulator as unknown as Simulator;
        const answer = (await window!.webContents.executeJavaScript(
          pageScript(sim.url, credentials.appkey, credentials.secret),
        )) as PageAnswer;
        if (!answer.ok) throw new Error(answer.error ?? 'the page reported a failure');
        return `${answer.balance} ${answer.currency}`;
      }))
    )
      return;
    await step('capture the page', async () => {
      const png = (await window!.webContents.capturePage()).toPNG();
      if (png.length === 0) throw new Error('the capture is empty');
      screenshot = path.join(options.folder, SCREENSHOT_FILE);
      writeFileSync(screenshot, png);
      return `${png.length} bytes`;
    });
  };

  let deadline: ReturnType<Timers['setTimeout']> | null = null;
  const timedOut = new Promise<void>((resolve) => {
    deadline = timers.setTimeout(() => {
      steps.push({ name: 'finish in time', ok: false, ms: systemClock.now() - began, error: 'deadline passed' });
      resolve();
    }, options.deadlineMs ?? SELF_TEST_DEADLINE_MS);
  });
  await Promise.race([sequence(), timedOut]);
  if (deadline !== null) timers.clearTimeout(deadline);

  await step('quit cleanly', async () => {
    const current = running as RunningApp | null;
    const stopping = (async () => {
      if (current) await current.quit();
      await (simulator as Simulator | null)?.close();
    })();
    let timer: ReturnType<Timers['setTimeout']> | null = null;
    const late = new Promise<never>((_resolve, reject) => {
      timer = timers.setTimeout(() => reject(new Error('did not stop within 5 s')), QUIT_DEADLINE_MS);
    });
    try {
      await Promise.race([stopping, late]);
    } finally {
      if (timer !== null) timers.clearTimeout(timer);
    }
    return undefined;
  });
  rmSync(work, { recursive: true, force: true });

  const report: SelfTestReport = {
    ok: steps.length > 0 && steps.every((s) => s.ok),
    startedAt: new Date(began).toISOString(),
    durationMs: systemClock.now() - began,
    version: app.getVersion(),
    platform: `${options.platform ?? process.platform} ${process.arch}`,
    electron: process.versions.electron ?? null,
    sandbox: app.commandLine.hasSwitch('no-sandbox') ? 'off' : 'on',
    steps,
    screenshot,
    logFile: options.log.path,
  };
  writeFileSync(path.join(options.folder, REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}
