/**
 * The service around the real engine, client and settings file, polling the simulator on
 * fake time: what Prometheus would scrape after each poll.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBalanceClient } from '../../src/main/core/client/index.js';
import { createEngine } from '../../src/main/core/engine.js';
import { MemorySecretStore } from '../../src/main/core/secrets/memory.js';
import { openConfStore } from '../../src/main/core/settings/conf-store.js';
import { FAULTS, REJECTIONS, type Simulator } from '../../src/main/simulator/index.js';
import { runServe, ServeConfigError, type RunningServe } from '../../src/main/serve/index.js';
import { FakeTime } from '../helpers/fake-time.js';
import { TEST_ACCOUNT, startTestSimulator, stopTestSimulators } from '../helpers/simulator.js';
import { samples, seriesOf } from './prom-text.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await stopTestSimulators();
});

/** A data folder holding one account pointing at the simulator, as `accounts add` leaves it. */
async function dataDirWith(time: FakeTime, simulator: Simulator): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eiot-serve-home-'));
  const setup = createEngine({
    clock: time,
    timers: time,
    random: () => 0.5,
    fetchBalance: async () => {
      throw new Error('setup does not poll');
    },
    secrets: new MemorySecretStore(),
    store: openConfStore(dataDir),
    dataDir,
  });
  await setup.start();
  await setup.addAccount({
    label: 'Shop EU',
    appkey: TEST_ACCOUNT.appkey,
    baseUrl: simulator.url,
    pollIntervalSec: 60,
    lowThreshold: '100.00',
    criticalThreshold: '50.00',
    enabled: true,
  });
  await setup.stop();
  return dataDir;
}

async function serveAgainst(time: FakeTime, simulator: Simulator, env: Record<string, string>): Promise<RunningServe> {
  const dataDir = await dataDirWith(time, simulator);
  const client = createBalanceClient({ version: 'test', clock: time, env: {} });
  cleanups.push(() => client.close());
  const service = await runServe({
    port: 0,
    host: '127.0.0.1',
    env,
    stdout: { write: () => true },
    stderr: { write: () => true },
    dataDir,
    version: 'test',
    clock: time,
    engineFactory: (deps) =>
      createEngine({ clock: time, timers: time, random: () => 0.5, fetchBalance: client.fetchBalance, ...deps }),
  });
  cleanups.push(() => service.close());
  return service;
}

describe('serve against the simulator', () => {
  it('exposes each poll: values, labels, counters by result, and up flipping', async () => {
    const time = new FakeTime(Date.now());
    const simulator = await startTestSimulator({
      clock: time,
      balance: { start: '150.00', fallBy: '10.00' },
      faults: {
        2: { kind: 'reset' },
        3: FAULTS.serverError,
        4: { kind: 'api', ...REJECTIONS.badSign },
        5: { kind: 'not-json' },
      },
    });
    const service = await serveAgainst(time, simulator, { EIOT_SECRET_SHOP_EU: TEST_ACCOUNT.secret });
    const scrape = async (): Promise<Map<string, number>> =>
      samples(await (await fetch(`http://127.0.0.1:${service.port}/metrics`)).text());
    const results = async (): Promise<Record<string, number>> =>
      Object.fromEntries(
        [...seriesOf(await scrape(), 'eiot_balance_fetch_total')].map(([key, value]) => [
          /result="([^"]+)"/.exec(key)?.[1],
          value,
        ]),
      );
    /** Fires timers until the simulator has answered `calls` times and the engine has recorded it. */
    const pollUntil = async (calls: number): Promise<Map<string, number>> => {
      for (let guard = 0; simulator.calls < calls && guard < 200; guard++) {
        const next = time.nextAt();
        await time.advance(next === null ? 1000 : Math.max(1, next - time.now()));
        await vi
          .waitFor(() => expect(simulator.calls).toBeGreaterThanOrEqual(calls), { timeout: 100 })
          .catch(() => undefined);
      }
      await vi.waitFor(async () => {
        const total = Object.values(await results()).reduce((sum, n) => sum + n, 0);
        expect(total).toBe(calls);
      });
      return scrape();
    };
    const up = 'eiot_balance_up{account="Shop EU"}';
    const balance = 'eiot_balance{account="Shop EU",currency="USD"}';

    let all = await pollUntil(1);
    expect(all.get(balance)).toBe(150);
    expect(all.get(up)).toBe(1);
    expect(all.get('eiot_balance_low_threshold{account="Shop EU",currency="USD"}')).toBe(100);
    expect(all.get('eiot_balance_critical_threshold{account="Shop EU",currency="USD"}')).toBe(50);
    expect(all.get('eiot_balance_poll_interval_seconds{account="Shop EU"}')).toBe(60);
    expect(all.get('eiot_balance_last_success_timestamp_seconds{account="Shop EU"}')).toBeCloseTo(time.now() / 1000, 0);

    all = await pollUntil(2);
    expect([all.get(up), all.get(balance)]).toEqual([0, 150]);
    await pollUntil(5);
    expect(await results()).toEqual({ ok: 1, network: 1, http: 1, api: 1, 'invalid-response': 1 });

    all = await pollUntil(6);
    expect(all.get(up)).toBe(1);
    expect(all.get(balance)).toBe(100);
    expect((await results()).ok).toBe(2);

    const status = await (await fetch(`http://127.0.0.1:${service.port}/api/status`)).text();
    expect(JSON.parse(status).accounts[0].label).toBe('Shop EU');
    expect(status).not.toContain(TEST_ACCOUNT.secret);
    expect(await (await fetch(`http://127.0.0.1:${service.port}/metrics`)).text()).not.toContain(TEST_ACCOUNT.secret);
  });

  it('refuses to start when the stored account has no secret anywhere', async () => {
    const time = new FakeTime(Date.now());
    const simulator = await startTestSimulator({ clock: time });
    const attempt = serveAgainst(time, simulator, { EIOT_SECRET_SOMEONE_ELSE: 'x' });
    await expect(attempt).rejects.toThrow(ServeConfigError);
    await expect(attempt).rejects.toThrow(
      /"Shop EU" \(.+\): set EIOT_SECRET_.+ or EIOT_SECRET_SHOP_EU, or add it to --secrets-file/,
    );
    expect(simulator.calls).toBe(0);
  });
});
