import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FAULTS } from '../../src/main/simulator/index.js';
import { stopTestSimulators, TEST_ACCOUNT } from '../helpers/simulator.js';
import { startHarness, type Harness } from './harness.js';

let harness: Harness;
afterEach(async () => {
  await harness?.close();
  await stopTestSimulators();
});

const kinds = (h: Harness) => h.notices.map((n) => n.kind);
const account = (h: Harness) => h.engine.snapshot().accounts[0]!;

describe('engine against the simulator', () => {
  it('notifies once per crossing of low and critical, and a top-up re-arms both', async () => {
    harness = await startHarness({
      balance: { values: ['200.00', '150.00', '90.00', '80.00', '40.00', '30.00', '300.00', '90.00', '40.00'] },
    });
    await harness.engine.addAccount(harness.input(), TEST_ACCOUNT.secret);
    const seen: string[] = [];
    for (let i = 0; i < 9; i++) {
      const result = await harness.poll();
      expect(result.ok).toBe(true);
      seen.push(account(harness).status);
      await harness.time.advance(0);
    }
    expect(seen).toEqual(['ok', 'ok', 'low', 'low', 'critical', 'critical', 'ok', 'low', 'critical']);
    expect(kinds(harness)).toEqual(['low', 'critical', 'recovered', 'top-up', 'low', 'critical']);
    expect(account(harness).lastReading?.balance).toBe('40.00');
  });

  it('keeps the last good reading through failures, raises one error notice, then recovers', async () => {
    harness = await startHarness({
      balance: { values: ['500.00'] },
      faults: { 2: FAULTS.serverError, 3: FAULTS.badGatewayHtml, 4: FAULTS.truncatedJson },
    });
    await harness.engine.addAccount(harness.input(), TEST_ACCOUNT.secret);
    expect((await harness.poll()).ok).toBe(true);
    for (const kind of ['http', 'http', 'invalid-response']) {
      const result = await harness.poll();
      expect(result.ok ? 'ok' : result.failure.kind).toBe(kind);
      expect(account(harness).lastReading?.balance).toBe('500.00');
    }
    expect(account(harness).status).toBe('error');
    expect(account(harness).failureStreak).toBe(3);
    expect(kinds(harness)).toEqual(['error']);
    expect((await harness.poll()).ok).toBe(true);
    expect(account(harness).status).toBe('ok');
    expect(kinds(harness)).toEqual(['error', 'error-recovered']);
  });

  it('reports stale after 2 x interval + 60 s without a success, keeping the figure', async () => {
    harness = await startHarness({ balance: { values: ['500.00'] } });
    await harness.engine.addAccount(harness.input(), TEST_ACCOUNT.secret);
    await harness.poll();
    harness.engine.setOnline(false);
    await harness.time.advance(2 * 60_000 + 60_000);
    expect(account(harness).status).toBe('ok');
    await harness.time.advance(1);
    expect(account(harness).status).toBe('stale');
    expect(harness.snapshots.at(-1)?.accounts[0]?.status).toBe('stale');
    expect(account(harness).lastReading?.balance).toBe('500.00');
  });

  it('does not repeat a notice for the same episode after a restart, and shows the last reading', async () => {
    harness = await startHarness({ balance: { values: ['90.00', '85.00'] } });
    await harness.engine.addAccount(harness.input(), TEST_ACCOUNT.secret);
    await harness.poll();
    expect(kinds(harness)).toEqual(['low']);
    await harness.restart();
    expect(account(harness).lastReading?.balance).toBe('90.00');
    await harness.poll();
    expect(account(harness).lastReading?.balance).toBe('85.00');
    expect(kinds(harness)).toEqual(['low']);
  });

  it('never writes the secret to the settings or history files, nor into snapshots', async () => {
    harness = await startHarness({ balance: { values: ['90.00'] } });
    const added = await harness.engine.addAccount(harness.input(), TEST_ACCOUNT.secret);
    await harness.poll();
    await harness.engine.stop();
    const files = ['config.json', path.join('history', `${added.id}.json`)];
    for (const file of files) {
      expect(readFileSync(path.join(harness.dataDir, file), 'utf8')).not.toContain(TEST_ACCOUNT.secret);
    }
    expect(JSON.stringify(harness.snapshots)).not.toContain(TEST_ACCOUNT.secret);
    expect(added.hasSecret).toBe(true);
  });

  it('rejects invalid accounts with field errors and changes nothing', async () => {
    harness = await startHarness({});
    await expect(
      harness.engine.addAccount(
        harness.input({ lowThreshold: '10.00', criticalThreshold: '20.00', baseUrl: 'http://example.com' }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      fields: expect.arrayContaining([
        expect.objectContaining({ field: 'criticalThreshold' }),
        expect.objectContaining({ field: 'baseUrl', key: 'account.error.baseUrl.insecure' }),
      ]),
    });
    expect(harness.engine.snapshot().accounts).toEqual([]);
  });

  it('removing an account deletes its secret and stops its polling', async () => {
    harness = await startHarness({ balance: { values: ['90.00'] } });
    const added = await harness.engine.addAccount(harness.input(), TEST_ACCOUNT.secret);
    await harness.poll();
    await harness.engine.removeAccount(added.id);
    expect(await harness.secrets.get({ id: added.id, label: '' })).toBeNull();
    const calls = harness.simulator.calls;
    await harness.time.advance(10 * 60_000);
    expect(harness.simulator.calls).toBe(calls);
    expect(harness.engine.snapshot().accounts).toEqual([]);
  });

  it('reads the secret from the keychain once per poller, not on every poll, and again after it is replaced', async () => {
    harness = await startHarness({ balance: { values: ['500.00'] } });
    const added = await harness.engine.addAccount(harness.input(), TEST_ACCOUNT.secret);
    const reads = vi.spyOn(harness.secrets, 'get');
    for (let i = 0; i < 3; i++) expect((await harness.poll()).ok).toBe(true);
    expect(reads).toHaveBeenCalledTimes(1);
    await harness.engine.setSecret(added.id, 'wrong-secret');
    const rejected = await harness.poll();
    expect(rejected.ok ? 'ok' : rejected.failure.auth).toBe(true);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('an account without a secret is unconfigured and never polled', async () => {
    harness = await startHarness({});
    await harness.engine.addAccount(harness.input());
    await harness.time.advance(10 * 60_000);
    expect(harness.simulator.calls).toBe(0);
    expect(account(harness)).toMatchObject({ status: 'unconfigured', hasSecret: false });
  });

  it('refresh joins the poll in flight instead of sending a second request', async () => {
    harness = await startHarness({ balance: { values: ['90.00'] }, latencyMs: 50 });
    await harness.engine.addAccount(harness.input(), TEST_ACCOUNT.secret);
    const first = harness.poll();
    await Promise.all([harness.engine.refresh(), harness.engine.refresh()]);
    await first;
    expect(harness.simulator.calls).toBe(1);
  });
});
