/** The built command, as systemd or Docker runs it: SIGTERM mid-poll ends it cleanly, status 0. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/main/core/engine.js';
import { systemClock, systemTimers } from '../../src/main/core/ports.js';
import { MemorySecretStore } from '../../src/main/core/secrets/memory.js';
import { openConfStore } from '../../src/main/core/settings/conf-store.js';
import { TEST_ACCOUNT, startTestSimulator, stopTestSimulators } from '../helpers/simulator.js';

afterEach(stopTestSimulators);

async function homeWithAccount(baseUrl: string): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eiot-serve-sigterm-'));
  const setup = createEngine({
    clock: systemClock,
    timers: systemTimers,
    random: Math.random,
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
    baseUrl,
    pollIntervalSec: 300,
    enabled: true,
  });
  await setup.stop();
  return dataDir;
}

describe('eiot-balance serve', () => {
  it('exits 0 within 5 s of SIGTERM, aborting the poll in flight', async () => {
    // The simulator takes far longer to answer than the shutdown may: the poll must be aborted.
    const simulator = await startTestSimulator({ latencyMs: 60_000 });
    const home = await homeWithAccount(simulator.url);
    const child = spawn(process.execPath, ['bin/eiot-balance.js', 'serve', '--port', '0'], {
      env: { PATH: process.env.PATH, EIOT_BALANCE_HOME: home, EIOT_SECRET_SHOP_EU: TEST_ACCOUNT.secret },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;

    while (!/listening on (\S+)\/metrics/.test(stdout)) {
      await Promise.race([
        once(child.stdout, 'data'),
        exited.then(() => Promise.reject(new Error(`exited early: ${stderr}`))),
      ]);
    }
    const base = /listening on (\S+)\/metrics/.exec(stdout)?.[1] ?? '';
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    while (simulator.calls < 1) await new Promise((resolve) => setImmediate(resolve));

    const sentAt = Date.now();
    child.kill('SIGTERM');
    const [code, signal] = await exited;
    expect({ code, signal, stderr }).toMatchObject({ code: 0, signal: null });
    expect(Date.now() - sentAt).toBeLessThan(5000);
    expect(stdout + stderr).not.toContain(TEST_ACCOUNT.secret);
  });
});
