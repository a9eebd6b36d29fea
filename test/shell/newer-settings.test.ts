/**
 * The desktop app starting on a config.json from a newer version: the file stays byte for
 * byte (no rename, no migration, no rewrite on quit), the account it can read is shown, the
 * user is told which version wrote it, and a change from the window is refused.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { FakeNotification, resetElectron } from '../fakes/electron.js';
import { MemorySecretStore } from '../../src/main/core/secrets/memory.js';
import { startApp } from '../../src/main/shell/app.js';
import { electronDocumentStore } from '../../src/main/shell/electron-store.js';
import { createProductionEngine } from '../../src/main/wiring/production.js';
import { FakeTime } from '../helpers/fake-time.js';

vi.mock('electron', async () => (await import('../fakes/electron.js')).electronModule);

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const NEWER = `${JSON.stringify(
  {
    schemaVersion: 5,
    settings: { language: 'en', theme: 'dark' },
    accounts: [
      { id: 'n1', label: 'Future', appkey: 'k', baseUrl: 'http://127.0.0.1:9', pollIntervalSec: 300, tags: ['x'] },
    ],
  },
  null,
  '\t',
)}\n`;

describe('the app on a newer settings file', () => {
  test('starts read-only, says so, refuses changes and quits leaving the file byte for byte', async () => {
    resetElectron();
    const home = mkdtempSync(path.join(tmpdir(), 'eiot-shell-newer-'));
    folders.push(home);
    const file = path.join(home, 'config.json');
    writeFileSync(file, NEWER);
    const time = new FakeTime(Date.UTC(2026, 0, 5, 9, 0));
    const running = await startApp({
      argv: [],
      env: { EIOT_BALANCE_HOME: home },
      platform: 'linux',
      timers: time,
      createEngine: async (context) =>
        createProductionEngine({
          dataDir: context.dataDir,
          version: 'test',
          secrets: new MemorySecretStore(),
          store: electronDocumentStore(context.dataDir),
          log: () => undefined,
          clock: time,
          timers: time,
        }),
    });
    if (!running) throw new Error('not started');
    expect(running.engine.snapshot().accounts.map((a) => a.label)).toEqual(['Future']);
    expect(FakeNotification.instances.map((n) => n.body).join('\n')).toMatch(
      /written by a newer version of EIOT Balance \(schema 5\)/,
    );
    expect(() => running.engine.updateSettings({ notifications: false })).toThrow(/newer version/);
    await expect(
      running.engine.addAccount({
        label: 'New',
        appkey: 'k2',
        baseUrl: 'http://127.0.0.1:9',
        pollIntervalSec: 300,
        enabled: true,
      }),
    ).rejects.toThrow(/newer version/);
    await running.quit();
    expect(readFileSync(file, 'utf8')).toBe(NEWER);
    expect(readdirSync(home).filter((name) => name.startsWith('config'))).toEqual(['config.json']);
  });
});
