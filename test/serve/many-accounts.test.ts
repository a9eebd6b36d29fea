/**
 * serve with many accounts: finding each account's secret must not rebuild the whole
 * snapshot per account (a thousand accounts made start-up quadratic: half a minute of CPU).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/main/core/engine.js';
import type { EngineApi } from '../../src/main/core/engine-api.js';
import { systemClock, systemTimers } from '../../src/main/core/ports.js';
import { openConfStore } from '../../src/main/core/settings/conf-store.js';
import { SCHEMA_VERSION } from '../../src/main/core/settings/schema.js';
import { runServe, type RunningServe } from '../../src/main/serve/index.js';

const ACCOUNTS = 200;
let service: RunningServe | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await service?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('serve with many accounts', () => {
  it('looks up every secret without a full snapshot per account', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'eiot-serve-many-'));
    dataDir = folder;
    const accounts = Array.from({ length: ACCOUNTS }, (_, i) => ({
      id: `acct-${i}`,
      label: `Account ${i}`,
      appkey: `key-${i}`,
      baseUrl: 'http://127.0.0.1:9',
      pollIntervalSec: 300,
    }));
    const store = openConfStore(folder);
    store.write({ schemaVersion: SCHEMA_VERSION, accounts });
    const env = Object.fromEntries(accounts.map((a) => [`EIOT_SECRET_ACCT_${a.id.slice(5)}`, `secret-${a.id}`]));
    let snapshots = 0;
    service = await runServe({
      port: 0,
      host: '127.0.0.1',
      env,
      stdout: { write: () => undefined },
      stderr: { write: () => undefined },
      dataDir: folder,
      version: 'test',
      store,
      engineFactory: (deps): EngineApi => {
        const engine = createEngine({
          clock: systemClock,
          timers: systemTimers,
          random: () => 0.5,
          // Never answers before the test ends: only start-up is measured here.
          fetchBalance: (_account, _secret, options) =>
            new Promise((_resolve, reject) =>
              options?.signal?.addEventListener('abort', () => reject(new Error('stop'))),
            ),
          secrets: deps.secrets,
          store: deps.store,
          dataDir: deps.dataDir,
        });
        const snapshot = engine.snapshot.bind(engine);
        return Object.assign(engine, {
          snapshot: () => {
            snapshots += 1;
            return snapshot();
          },
        });
      },
    });
    expect(snapshots).toBeLessThan(ACCOUNTS);

    // Scrapes read the engine's last update: no snapshot of every account per gauge.
    const before = snapshots;
    for (let i = 0; i < 3; i += 1) {
      const answer = await fetch(`http://127.0.0.1:${service.port}/metrics`);
      expect(await answer.text()).toContain('eiot_balance_up{account="Account 199"}');
    }
    expect(snapshots - before).toBeLessThanOrEqual(1);
  });
});
