// How the engine's data flows into its snapshot: the distinct "paused until resumed", the
// reason for the next check, and one staleness deadline that counts from a wake.
import { afterEach, describe, expect, it } from 'vitest';
import { trayView } from '../../src/main/shell/tray-view.js';
import { DEFAULT_SETTINGS } from '../../src/shared/types.js';
import { stopTestSimulators, TEST_ACCOUNT } from '../helpers/simulator.js';
import { startHarness, type Harness } from './harness.js';

let harness: Harness;
afterEach(async () => {
  await harness?.close();
  await stopTestSimulators();
});

const account = (h: Harness) => h.engine.snapshot().accounts[0]!;

describe('the snapshot', () => {
  it('says "paused until resumed" with its own value, not null (which means "not paused")', async () => {
    harness = await startHarness({ balance: { values: ['500.00'] } });
    await harness.engine.addAccount(harness.input(), TEST_ACCOUNT.secret);
    await harness.poll();
    expect(account(harness)).toMatchObject({ pausedUntil: null, nextCheckReason: 'interval' });

    harness.engine.pause(undefined, null);
    const paused = JSON.parse(JSON.stringify(harness.engine.snapshot())) as ReturnType<Harness['engine']['snapshot']>;
    expect(paused.accounts[0]).toMatchObject({
      status: 'paused',
      pausedUntil: 'until-resumed',
      nextCheckReason: 'paused',
    });
    // The tray can tell a paused account from a running one, so it offers Resume, not Pause.
    const actions = trayView(paused, DEFAULT_SETTINGS, 'en', 'linux').menu.map((item) =>
      'action' in item ? item.action?.type : undefined,
    );
    expect(actions).toContain('resume');
    expect(actions).not.toContain('pause');

    harness.engine.resume();
    expect(account(harness)).toMatchObject({ pausedUntil: null, status: 'ok' });
  });

  it('turns stale on time after a wake, counting from the wake (one staleAt for status and timer)', async () => {
    harness = await startHarness({ balance: { values: ['500.00'] } });
    await harness.engine.addAccount(harness.input(), TEST_ACCOUNT.secret);
    await harness.poll();
    harness.engine.setOnline(false);
    const interval = 60_000;
    await harness.time.advance(2 * interval);
    harness.engine.wake('resume');
    // Past the deadline counted from the last success, before the one counted from the wake.
    await harness.time.advance(interval + 30_000);
    expect(harness.snapshots.at(-1)?.accounts[0]?.status).toBe('ok');
    // Past the deadline from the wake: a snapshot says stale without anything else happening.
    await harness.time.advance(interval + 31_000);
    expect(harness.snapshots.at(-1)?.accounts[0]?.status).toBe('stale');
  });
});

describe('a secret changed by another process', () => {
  it('is read again after the platform rejects the one in use (accounts set-secret while the app runs)', async () => {
    harness = await startHarness({ balance: { values: ['200.00'] } });
    // The old secret, already revoked on the platform.
    const { id } = await harness.engine.addAccount(harness.input(), 'revoked-old-secret');
    const first = await harness.poll();
    expect(first.ok === false && first.failure.auth).toBe(true);

    // `eiot-balance accounts set-secret` writes the keychain from another process: the
    // engine's own store is not told, it only finds the new entry when it reads again.
    await harness.secrets.set(id, TEST_ACCOUNT.secret);
    const second = await harness.poll();
    expect(second.ok).toBe(true);
  });
});
