/**
 * Many accounts on fake time with a fake client: the shared request cap holds, the first
 * polls spread over the interval, and an account whose requests hang holds one slot only.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/main/core/engine.js';
import type { EngineApi } from '../../src/main/core/engine-api.js';
import { createLimiter } from '../../src/main/core/limiter.js';
import type { FetchBalance } from '../../src/main/core/ports.js';
import { MemorySecretStore } from '../../src/main/core/secrets/memory.js';
import { openConfStore } from '../../src/main/core/settings/conf-store.js';
import { encodeHistory } from '../../src/main/core/history/format.js';
import { SCHEMA_VERSION } from '../../src/main/core/settings/schema.js';
import { FakeTime } from '../helpers/fake-time.js';

const START = Date.UTC(2026, 10, 28, 9, 0, 0);
const INTERVAL_SEC = 60;

/** A seeded generator (LCG) so each run spreads the polls the same way. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Rig {
  time: FakeTime;
  engine: EngineApi;
  /** Start times of each account's requests, by appkey. */
  starts: Map<string, number[]>;
  maxInFlight: () => number;
  dataDir: string;
}

let rigs: Rig[] = [];
afterEach(async () => {
  for (const rig of rigs) {
    await rig.engine.stop();
    rmSync(rig.dataDir, { recursive: true, force: true });
  }
  rigs = [];
});

async function startRig(options: {
  accounts: number;
  concurrency?: number;
  spread?: boolean;
  /** Give each account a reading from yesterday, as after a restart. */
  history?: boolean;
  snapshotEveryMs?: number;
  /** How long a request takes, by appkey; Infinity: until aborted. */
  latencyMs: (appkey: string) => number;
}): Promise<Rig> {
  const time = new FakeTime(START);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eiot-scale-'));
  const secrets = new MemorySecretStore();
  const accounts = Array.from({ length: options.accounts }, (_, i) => ({
    id: `acct-${i}`,
    label: `Account ${i}`,
    appkey: `key-${i}`,
    baseUrl: 'http://127.0.0.1:9',
    pollIntervalSec: INTERVAL_SEC,
  }));
  openConfStore(dataDir).write({ schemaVersion: SCHEMA_VERSION, accounts });
  for (const account of accounts) await secrets.set(account.id, `secret-${account.id}`);
  if (options.history) {
    mkdirSync(path.join(dataDir, 'history'), { recursive: true });
    const entry = { firstAt: START - 86_400_000, lastAt: START - 30_000, balance: '100.00', currency: 'USD' };
    for (const account of accounts) {
      writeFileSync(path.join(dataDir, 'history', `${account.id}.json`), encodeHistory([entry]));
    }
  }

  const starts = new Map<string, number[]>();
  let inFlight = 0;
  let maxInFlight = 0;
  const fetchBalance: FetchBalance = ({ appkey }, _secret, request) =>
    new Promise((resolve, reject) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      starts.set(appkey, [...(starts.get(appkey) ?? []), time.now()]);
      const finish = (): void => {
        inFlight -= 1;
        resolve({ ok: true, reading: { currency: 'USD', balance: '100.00', fetchedAt: time.now() } });
      };
      const latency = options.latencyMs(appkey);
      const timer = Number.isFinite(latency) ? time.setTimeout(finish, latency) : null;
      request?.signal?.addEventListener('abort', () => {
        if (timer) time.clearTimeout(timer);
        inFlight -= 1;
        reject(request.signal?.reason);
      });
    });

  const engine = createEngine({
    clock: time,
    timers: time,
    random: seeded(42),
    fetchBalance,
    secrets,
    store: openConfStore(dataDir),
    dataDir,
    ...(options.concurrency === undefined ? {} : { limiter: createLimiter(options.concurrency) }),
    ...(options.spread ? { spreadFirstPolls: true } : {}),
    ...(options.snapshotEveryMs === undefined ? {} : { snapshotEveryMs: options.snapshotEveryMs }),
  });
  const rig: Rig = { time, engine, starts, maxInFlight: () => maxInFlight, dataDir };
  rigs.push(rig);
  await engine.start();
  return rig;
}

/** Moves fake time in one-second steps so requests finish and slots pass on as they would. */
async function run(rig: Rig, ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 1_000) await rig.time.advance(1_000);
}

describe('serve-scale polling', () => {
  it('never has more requests in flight than the cap, and still polls every account', async () => {
    const rig = await startRig({ accounts: 200, concurrency: 8, latencyMs: () => 1_500 });
    await run(rig, 90_000);
    expect(rig.maxInFlight()).toBe(8);
    expect(rig.starts.size).toBe(200);
  });

  it('without spreading, every first poll would start at once (the burst the cap absorbs)', async () => {
    const rig = await startRig({ accounts: 50, latencyMs: () => 1_000 });
    await rig.time.advance(0);
    expect(rig.maxInFlight()).toBe(50);
  });

  it('after a restart, spreads the first polls across the interval', async () => {
    const rig = await startRig({ accounts: 1_000, spread: true, history: true, latencyMs: () => 100 });
    await run(rig, INTERVAL_SEC * 1_000);
    const firsts = [...rig.starts.values()].map((times) => times[0]! - START);
    expect(firsts).toHaveLength(1_000);
    expect(Math.max(...firsts)).toBeLessThan(INTERVAL_SEC * 1_000);
    // Ten slices of the interval, each with about a tenth of the accounts.
    const slices = Array.from({ length: 10 }, () => 0);
    for (const at of firsts) slices[Math.floor(at / (INTERVAL_SEC * 100))]! += 1;
    for (const count of slices) expect(count).toBeGreaterThan(60);
    for (const count of slices) expect(count).toBeLessThan(140);
    // No burst: at most a few dozen first polls share any one second.
    const perSecond = new Map<number, number>();
    for (const at of firsts) perSecond.set(Math.floor(at / 1000), (perSecond.get(Math.floor(at / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThan(40);
  });

  it('spreads the same way for the same random source', async () => {
    const first = await startRig({ accounts: 20, spread: true, history: true, latencyMs: () => 100 });
    const second = await startRig({ accounts: 20, spread: true, history: true, latencyMs: () => 100 });
    const due = (rig: Rig) => rig.engine.snapshot().accounts.map((account) => account.nextCheckAt);
    expect(due(first)).toEqual(due(second));
    expect(new Set(due(first)).size).toBe(20);
  });

  it('with snapshotEveryMs, subscribers get one update per period, however many polls finish', async () => {
    const rig = await startRig({
      accounts: 100,
      snapshotEveryMs: 1_000,
      latencyMs: (key) => 10 * Number(key.slice(4)),
    });
    const updates: number[] = [];
    rig.engine.subscribe((snapshot) => updates.push(snapshot.accounts.filter((a) => a.lastReading).length));
    await run(rig, 5_000);
    expect(updates.length).toBeLessThanOrEqual(5);
    expect(updates.at(-1)).toBe(100);
  });

  it('an account with no reading yet polls at once even when spreading', async () => {
    const rig = await startRig({ accounts: 5, spread: true, latencyMs: () => 100 });
    await rig.time.advance(0);
    expect(rig.starts.size).toBe(5);
  });

  it('an account whose requests hang holds one slot; the others keep their interval', async () => {
    const rig = await startRig({
      accounts: 20,
      concurrency: 2,
      latencyMs: (appkey) => (appkey === 'key-0' ? Number.POSITIVE_INFINITY : 1_000),
    });
    await run(rig, 3 * INTERVAL_SEC * 1_000);
    expect(rig.starts.get('key-0')).toHaveLength(1);
    for (let i = 1; i < 20; i += 1) expect(rig.starts.get(`key-${i}`)!.length).toBeGreaterThanOrEqual(3);
    expect(rig.maxInFlight()).toBe(2);
  });
});
