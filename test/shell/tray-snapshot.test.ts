/** The tray draws the snapshot the engine hands it, without asking the engine for another. */
import { describe, expect, test, vi } from 'vitest';
import { FakeTray, resetElectron } from '../fakes/electron.js';
import { account } from '../fakes/account-snapshot.js';
import { startApp } from '../../src/main/shell/app.js';
import type { Snapshot } from '../../src/shared/types.js';
import { ShellFakeEngine } from './fake-engine.js';

vi.mock('electron', async () => (await import('../fakes/electron.js')).electronModule);

describe('the tray', () => {
  test('renders the snapshot it is given', async () => {
    resetElectron();
    const engine = new ShellFakeEngine();
    const running = await startApp({
      argv: [],
      env: {},
      platform: 'linux',
      createEngine: async () => ({ engine, dispose: async () => undefined }),
    });
    if (!running) throw new Error('not started');
    const given: Snapshot = {
      at: 0,
      aggregate: 'low',
      accounts: [
        account({
          id: 'given',
          label: 'Handed over',
          status: 'low',
          lastReading: { currency: 'USD', balance: '12.34', fetchedAt: 0 },
        }),
      ],
    };
    // engine.snapshot() still answers the old (empty) state: only the handed one has the account.
    for (const listener of engine.snapshotListeners) listener(given);
    expect(FakeTray.instances[0]?.tooltip).toContain('Handed over');
    await running.quit();
  });
});
