/**
 * `--self-test` and the start-failure path of the Electron entry, on the typed fake: the
 * real composition root, engine, HTTP client and simulator; the page's calls go through the
 * real preload bridge (the fake's executeJavaScript) and the IPC sender check.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { app, dialog, FakeTray, ONE_PIXEL_PNG, resetElectron } from '../fakes/electron.js';
import { runEntry } from '../../src/main/shell/main.js';
import { REPORT_FILE, SCREENSHOT_FILE, selfTestFolder, type SelfTestReport } from '../../src/main/shell/self-test.js';

vi.mock('electron', async () => (await import('../fakes/electron.js')).electronModule);

const folders: string[] = [];
const folder = () => {
  const made = mkdtempSync(path.join(tmpdir(), 'eiot-self-test-'));
  folders.push(made);
  return made;
};
beforeEach(resetElectron);
afterEach(() => {
  for (const made of folders.splice(0)) rmSync(made, { recursive: true, force: true });
});

const readReport = (dir: string) => JSON.parse(readFileSync(path.join(dir, REPORT_FILE), 'utf8')) as SelfTestReport;

describe('--self-test', () => {
  test('the report folder comes from --self-test-out, else the working folder', () => {
    expect(selfTestFolder(['electron', '.'], '/w')).toBeNull();
    expect(selfTestFolder(['electron', '.', '--self-test'], '/w')).toBe(path.resolve('/w/eiot-balance-self-test'));
    expect(selfTestFolder(['x', '--self-test', '--self-test-out=out'], '/w')).toBe(path.resolve('/w/out'));
  });

  test('passes end to end: tray, window on the app scheme, a balance read by the page, a PNG, exit 0', async () => {
    const out = folder();
    const started = Date.now();
    await runEntry({
      argv: ['electron', '.', '--self-test', `--self-test-out=${out}`],
      cwd: '/',
      app: { trayHost: async () => 'present' },
    });
    const report = readReport(out);
    expect(report.steps.map((step) => [step.name, step.ok, step.error])).toEqual([
      ['start the simulator', true, undefined],
      ['start the app and create the tray', true, undefined],
      ['load the window on the app scheme', true, undefined],
      ['add an account and read its balance from the page', true, undefined],
      ['capture the page', true, undefined],
      ['quit cleanly', true, undefined],
    ]);
    expect(report.ok).toBe(true);
    expect(report.steps[2]?.detail).toBe('eiot-balance://app/index.html');
    expect(report.steps[3]?.detail).toMatch(/^\d+\.\d{2} [A-Z]{3}$/);
    expect(readFileSync(path.join(out, SCREENSHOT_FILE))).toEqual(ONE_PIXEL_PNG);
    expect(app.exited).toBe(0);
    expect(FakeTray.instances[0]?.isDestroyed()).toBe(true);
    expect(Date.now() - started).toBeLessThan(60_000);
    // Its own profile; the user's data folder and login item untouched.
    expect(app.getPath('userData')).toContain('eiot-balance-self-test-');
    expect(existsSync(app.getPath('userData'))).toBe(false);
    expect(app.loginItemWrites).toBe(0);
    // The log file beside the report has every step and no secret.
    const log = readFileSync(report.logFile, 'utf8');
    expect(log).toContain('self-test: capture the page: ok');
    expect(log).not.toMatch(/secret":"[^*]/);
  });

  test('a failing step fails the report and the exit code, and says why', async () => {
    const out = folder();
    await runEntry({
      argv: ['electron', '.', '--self-test', `--self-test-out=${out}`],
      cwd: '/',
      app: {
        trayHost: async () => 'present',
        createEngine: async () => {
          throw new Error('settings folder is read-only');
        },
      },
    });
    const report = readReport(out);
    expect(report.ok).toBe(false);
    expect(report.steps.find((step) => !step.ok)).toMatchObject({
      name: 'start the app and create the tray',
      error: 'settings folder is read-only',
    });
    expect(app.exited).toBe(1);
  });
});

describe('a failed start', () => {
  test('shows an error box with the cause and the log path, logs it, exits 1', async () => {
    const logs = folder();
    await runEntry({
      argv: ['electron', '.'],
      cwd: '/',
      logFolder: logs,
      app: {
        trayHost: async () => 'present',
        keychainModule: async () => true,
        createEngine: async () => {
          throw new Error('could not open /data/config.json with secret=hunter2-long', {
            cause: new Error('EACCES: permission denied'),
          });
        },
      },
    });
    expect(app.exited).toBe(1);
    expect(dialog.errorBoxes).toHaveLength(1);
    const box = dialog.errorBoxes[0]!;
    expect(box.title).toBe('EIOT Balance could not start');
    expect(box.content).toContain('could not open /data/config.json');
    expect(box.content).toContain('(EACCES: permission denied)');
    expect(box.content).toContain(path.join(logs, 'main.log'));
    expect(box.content).not.toContain('hunter2-long');
    const log = readFileSync(path.join(logs, 'main.log'), 'utf8');
    expect(log).toContain('start failed');
    expect(log).toContain('caused by: Error: EACCES');
    expect(log).not.toContain('hunter2-long');
  });
});
