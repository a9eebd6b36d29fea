/**
 * /metrics of the built command, as Prometheus scrapes it: gzip when asked, the same text
 * either way, label values escaped, promtool's format check passing, and the cached body
 * replaced once a poll brings a new reading.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/main/core/settings/schema-version.js';
import { TEST_ACCOUNT, startTestSimulator, stopTestSimulators } from '../helpers/simulator.js';
import { samples } from './prom-text.js';

const promtool = spawnSync('promtool', ['--version']).status === 0;
// In CI a missing promtool is a failure (.ci/run installs it), not a skip.
const runPromtool = promtool || process.env.CI === 'true';

const LABEL = 'Shop "EU" \\ 1';
const ESCAPED = 'Shop \\"EU\\" \\\\ 1';

let child: ChildProcess | undefined;
let home: string | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
  if (home) rmSync(home, { recursive: true, force: true });
  await stopTestSimulators();
});

interface Answer {
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(port: number, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/metrics', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function startServe(baseUrl: string): Promise<number> {
  const folder = mkdtempSync(path.join(tmpdir(), 'eiot-serve-metrics-'));
  home = folder;
  const account = { id: 'shop', label: LABEL, appkey: TEST_ACCOUNT.appkey, baseUrl, pollIntervalSec: 300 };
  writeFileSync(
    path.join(folder, 'config.json'),
    JSON.stringify({ schemaVersion: SCHEMA_VERSION, accounts: [account] }),
  );
  const secrets = path.join(folder, 'secrets.env');
  writeFileSync(secrets, `shop=${TEST_ACCOUNT.secret}\n`, { mode: 0o600 });
  const started = spawn(process.execPath, ['bin/eiot-balance.js', 'serve', '--port', '0', '--secrets-file', secrets], {
    env: { PATH: process.env.PATH, EIOT_BALANCE_HOME: folder },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = started;
  let stdout = '';
  let stderr = '';
  started.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  started.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(started, 'exit').then(() => Promise.reject(new Error(`exited early: ${stderr}`)));
  while (!/:(\d+)\/metrics/.test(stdout)) await Promise.race([once(started.stdout ?? started, 'data'), exited]);
  return Number(/:(\d+)\/metrics/.exec(stdout)?.[1]);
}

describe('serve /metrics as a process', () => {
  it('answers gzip to Prometheus, the same text plain, and a new body after a new reading', async () => {
    // The first poll lands a second after start: the first scrape sees no reading yet.
    const simulator = await startTestSimulator({ latencyMs: 1_000 });
    const port = await startServe(simulator.url);
    const before = await get(port, { 'Accept-Encoding': 'gzip' });
    expect(before.headers['content-encoding']).toBe('gzip');
    expect(before.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(samples(gunzipSync(before.body).toString('utf8')).get(`eiot_balance_up{account="${ESCAPED}"}`)).toBe(0);

    // A stale cache would answer the body of the first scrape for ever.
    let after = new Map<string, number>();
    for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
      const answer = await get(port, { 'Accept-Encoding': 'gzip' });
      after = samples(gunzipSync(answer.body).toString('utf8'));
      if (after.get(`eiot_balance_up{account="${ESCAPED}"}`) === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(after.get(`eiot_balance{account="${ESCAPED}",currency="USD"}`)).toBe(1234.56);
    expect(after.get(`eiot_balance_fetch_total{account="${ESCAPED}",result="ok"}`)).toBe(1);

    const zipped = await get(port, { 'Accept-Encoding': 'deflate, gzip;q=0.5' });
    const plain = await get(port, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(zipped.body).toString('utf8')).toBe(plain.body.toString('utf8'));
    expect((await get(port, { 'Accept-Encoding': 'gzip;q=0' })).headers['content-encoding']).toBeUndefined();

    if (runPromtool) {
      const check = spawnSync('promtool', ['check', 'metrics'], { input: plain.body });
      expect({ status: check.status, output: `${check.stdout}${check.stderr}` }).toEqual({ status: 0, output: '' });
    }
  });
});
