/**
 * The engine's own cost: CPU per poll cycle (sign, request, parse, history, alerts,
 * snapshot) with the simulator in another process, and heap growth over 100,000 polls.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createBalanceClient } from '../src/main/core/client/index.js';
import { createEngine } from '../src/main/core/engine.js';
import type { EngineApi } from '../src/main/core/engine-api.js';
import type { FetchBalance } from '../src/main/core/ports.js';
import { MemorySecretStore } from '../src/main/core/secrets/memory.js';
import { openConfStore } from '../src/main/core/settings/conf-store.js';
import { formatAmount } from '../src/shared/money.js';
import type { FetchResult } from '../src/shared/types.js';
import { BENCH_ACCOUNT } from './account.js';
import { ManualTime } from './manual-timers.js';

interface Rig {
  engine: EngineApi;
  /** Fires the due timers and waits until the poll they start has been recorded. */
  poll(): Promise<FetchResult>;
  close(): Promise<void>;
}

async function rig(fetchBalance: FetchBalance, time: ManualTime, baseUrl: string): Promise<Rig> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eiot-bench-'));
  let resolve: ((result: FetchResult) => void) | null = null;
  let started = false;
  const engine = createEngine({
    clock: time,
    timers: time,
    random: () => 0.5,
    secrets: new MemorySecretStore(),
    store: openConfStore(dataDir),
    dataDir,
    fetchBalance: async (account, secret, options) => {
      started = true;
      const result = await fetchBalance(account, secret, options);
      resolve?.(result);
      return result;
    },
  });
  await engine.start();
  engine.subscribe(() => undefined);
  await engine.addAccount(
    {
      label: 'Bench',
      appkey: BENCH_ACCOUNT.appkey,
      baseUrl,
      pollIntervalSec: 60,
      lowThreshold: '100.00',
      criticalThreshold: '50.00',
      enabled: true,
    },
    BENCH_ACCOUNT.secret,
  );
  return {
    engine,
    async poll() {
      const done = new Promise<FetchResult>((r) => (resolve = r));
      started = false;
      // The staleness check may be due first: fire timers until a request goes out.
      while (!started) {
        if (!time.fireNext()) throw new Error('no poll is scheduled');
        await nextTurn();
      }
      const result = await done;
      await nextTurn();
      return result;
    },
    async close() {
      await engine.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The simulator as a child process (dist/bench/simulator.js, built beside this bundle). */
async function simulatorProcess(): Promise<{ url: string; stop(): void }> {
  const script = fileURLToPath(new URL('./simulator.js', import.meta.url));
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) {
    const match = /^listening (\d+)$/.exec(line);
    if (match) return { url: `http://127.0.0.1:${match[1]}`, stop: () => child.kill() };
  }
  throw new Error('the simulator process did not start');
}

export async function benchEngineCpu(polls = 2_000): Promise<{ cpu_ms_per_poll: number }> {
  const simulator = await simulatorProcess();
  let nonce = 0;
  const client = createBalanceClient({
    version: 'bench',
    env: {},
    // Distinct nonces: the simulator rejects a replayed (timestamp, nonce) pair.
    random: () => ((nonce++ % 90_000) + 0.5) / 90_000,
  });
  // The engine runs on jumping time; the client signs with the real clock the simulator checks.
  const bench = await rig(client.fetchBalance, new ManualTime(Date.now()), simulator.url);
  try {
    for (let i = 0; i < 200; i++) await bench.poll();
    const before = process.cpuUsage();
    for (let i = 0; i < polls; i++) {
      const result = await bench.poll();
      if (!result.ok) throw new Error(`poll failed: ${result.failure.message}`);
    }
    const used = process.cpuUsage(before);
    return { cpu_ms_per_poll: (used.user + used.system) / 1000 / polls };
  } finally {
    await bench.close();
    await client.close();
    simulator.stop();
  }
}

export async function benchEngineHeap(polls = 100_000): Promise<{ heap_growth_mb_100k_polls: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const time = new ManualTime(Date.UTC(2026, 0, 1));
  let call = 0;
  // A poll a minute; the balance drops a cent an hour and is topped up weekly.
  const fetchBalance: FetchBalance = async () => {
    call++;
    const now = time.now();
    const minorUnits = 50_000 - Math.floor(call / 60) + Math.floor(call / 10_080) * 20_000;
    const balance = formatAmount({ digits: BigInt(minorUnits), scale: 2 });
    return { ok: true, reading: { currency: 'USD', balance, fetchedAt: now } };
  };
  const bench = await rig(fetchBalance, time, 'https://bench.invalid');
  try {
    for (let i = 0; i < 10_000; i++) await bench.poll();
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < polls; i++) await bench.poll();
    await new Promise((r) => setTimeout(r, 200));
    gc();
    const after = process.memoryUsage().heapUsed;
    return { heap_growth_mb_100k_polls: ((after - before) / 2 ** 20) * (100_000 / polls) };
  } finally {
    await bench.close();
  }
}
