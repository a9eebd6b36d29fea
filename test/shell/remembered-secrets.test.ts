/**
 * The log redacts every secret it knows. A secret typed into the window is known from IPC;
 * one read back from the keychain after a restart never crosses IPC, so the store the app
 * runs on must tell the redactor about every secret it reads or writes.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { MemorySecretStore } from '../../src/main/core/secrets/memory.js';
import { startApp } from '../../src/main/shell/app.js';
import { rememberingSecrets } from '../../src/main/shell/remembered-secrets.js';
import { createRedactor } from '../../src/main/shell/redact.js';
import { resetElectron } from '../fakes/electron.js';

vi.mock('electron', async () => (await import('../fakes/electron.js')).electronModule);

describe('secrets the app reads are redacted from its log', () => {
  test('a secret read back from the store is masked in every later line', async () => {
    const keychain = new MemorySecretStore();
    await keychain.set('a1', 'stored-before-restart-9f8e');
    const redactor = createRedactor();
    const store = rememberingSecrets(keychain, redactor.remember);
    expect(redactor.redact('body {"appkey":"k","x":"stored-before-restart-9f8e"}')).toContain('stored-before');
    expect(await store.get({ id: 'a1', label: 'Shop' })).toBe('stored-before-restart-9f8e');
    expect(redactor.redact('body {"appkey":"k","x":"stored-before-restart-9f8e"}')).toBe(
      'body {"appkey":"k","x":"***"}',
    );
    await store.set('a2', 'typed-later-77aa');
    expect(redactor.redact('typed-later-77aa')).toBe('***');
    expect(store.isSessionOnly('a1')).toBe(false);
    expect(await store.delete('a1')).toBe(true);
  });

  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  test("the app's own engine factory hands its store's secrets to the redactor", async () => {
    resetElectron();
    const remembered: string[] = [];
    const running = await startApp({
      argv: ['--demo'],
      env: {},
      platform: 'linux',
      trayHost: async () => 'present',
      keychainModule: async () => true,
      rememberSecret: (secret) => remembered.push(secret),
    });
    if (!running) throw new Error('the app did not start');
    stop = () => running.quit();
    // The demo account's secret goes into the demo's store when the account is added, and is
    // read back for its first poll.
    await vi.waitFor(() => expect(running.engine.snapshot().accounts[0]?.lastReading).toBeDefined());
    expect(new Set(remembered).size).toBe(1);
    expect(remembered.length).toBeGreaterThanOrEqual(2);
    expect(remembered[0]).toMatch(/^[\w-]{20,}$/);
  });
});
