// A running engine and another process sharing one data folder: what the other process
// writes to config.json reaches the engine within 2 s, through the folder watcher, or
// through the check on each poll where no watcher works.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStoredAccount, removeStoredAccount } from '../../src/main/core/account-store.js';
import { createEngine } from '../../src/main/core/engine.js';
import type { EngineApi } from '../../src/main/core/engine-api.js';
import { systemClock, systemTimers, type FetchBalance } from '../../src/main/core/ports.js';
import { MemorySecretStore } from '../../src/main/core/secrets/memory.js';
import { updateAccount, updateSettings } from '../../src/main/core/settings/changes.js';
import { openConfStore } from '../../src/main/core/settings/conf-store.js';
import { openSettingsFile } from '../../src/main/core/settings/open.js';
import { fileStateStore } from '../../src/main/core/state/state-files.js';
import type { AccountInput } from '../../src/shared/ipc.js';
import type { AppSettings } from '../../src/shared/types.js';
import { createProductionEngine } from '../../src/main/wiring/production.js';

let dir: string;
let engine: EngineApi | null = null;
const secrets = new MemorySecretStore();
const fetches = new Map<string, number>();
let answer: 'reading' | 'failure' = 'reading';

const fetchBalance: FetchBalance = async (account) => {
  fetches.set(account.appkey, (fetches.get(account.appkey) ?? 0) + 1);
  const at = Date.now();
  if (answer === 'failure')
    return { ok: false, failure: { kind: 'network', reason: 'other', retryable: true, message: 'down', at } };
  return { ok: true, reading: { currency: 'USD', balance: '500.00', fetchedAt: at } };
};

const input = (label: string, overrides: Partial<AccountInput> = {}): AccountInput => ({
  label,
  appkey: `key-${label}`,
  baseUrl: 'http://127.0.0.1:9',
  pollIntervalSec: 600,
  enabled: true,
  ...overrides,
});

/** Another process's view of the same folder: its own SettingsFile, the shared keychain. */
const otherProcess = () => ({
  settings: openSettingsFile(openConfStore(dir), fileStateStore(dir), systemClock),
  secrets,
  dataDir: dir,
});

async function within<T>(ms: number, probe: () => T | undefined | false): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const labels = () => engine?.snapshot().accounts.map((a) => a.label) ?? [];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'eiot-external-'));
  fetches.clear();
  answer = 'reading';
});
afterEach(async () => {
  await engine?.stop();
  engine = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('changes made by another process', () => {
  it('are applied within 2 s: added, edited (without restarting the poller), settings, removed', async () => {
    const production = createProductionEngine({
      dataDir: dir,
      version: 'test',
      secrets,
      log: () => undefined,
      fetchBalance,
    });
    engine = production.engine;
    const settingsSeen: AppSettings[] = [];
    engine.onSettings((settings) => settingsSeen.push(settings));
    await engine.start();
    const a = await engine.addAccount(input('A'), 'secret-a');
    await within(2_000, () => fetches.get('key-A') === 1);

    const other = otherProcess();
    const b = await addStoredAccount(other, input('B'), 'secret-b');
    other.settings.update((document) => updateAccount(document, a.id, input('A', { lowThreshold: '600.00' })));
    await within(2_000, () => labels().includes('B') && engine?.snapshot().accounts[0]?.status === 'low');
    // New thresholds apply in place: A's poller was not restarted (no second request).
    expect(fetches.get('key-A')).toBe(1);
    await within(2_000, () => fetches.get('key-B') === 1);

    other.settings.update((document) => updateSettings(document, { language: 'zh-CN' }));
    await within(2_000, () => settingsSeen.at(-1)?.language === 'zh-CN');
    expect(engine.settings().language).toBe('zh-CN');

    await removeStoredAccount(other, b.id);
    await within(2_000, () => !labels().includes('B'));
    expect(labels()).toEqual(['A']);
    await production.dispose();
  });

  it('reach an engine without a folder watcher at its next poll', async () => {
    answer = 'failure';
    engine = createEngine({
      clock: systemClock,
      timers: systemTimers,
      random: () => 0.5,
      fetchBalance,
      secrets,
      store: openConfStore(dir),
      dataDir: dir,
    });
    await engine.start();
    await engine.addAccount(input('A'), 'secret-a');
    await within(2_000, () => fetches.get('key-A') === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await addStoredAccount(otherProcess(), input('C'), 'secret-c');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(labels()).toEqual(['A']);
    await engine.refresh();
    await within(2_000, () => labels().includes('C'));
  });
});
