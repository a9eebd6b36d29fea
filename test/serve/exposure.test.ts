// `serve` as a process: refuses an open bind without a token, checks Host against DNS
// rebinding, and /api/status shows no appkey or base URL.
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/main/simulator/index.js';
import { childEnv, exited, runCli, spawnCli, tempHome, waitForLines } from '../cli/run-cli.js';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator({
    accounts: [{ appkey: 'srv-key', secret: 'srv-s3cret-x' }],
    balance: { values: ['10.00'] },
  });
});
afterAll(() => simulator.close());

function get(port: number, urlPath: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: urlPath, headers: { Host: host } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve exposure', () => {
  it('refuses a non-loopback address without a token (exit 2)', async () => {
    const run = await runCli(['serve', '--host', '0.0.0.0', '--port', '0']);
    expect(run.stderr).toMatch(/without --token-file/);
    expect(run.status).toBe(2);
  });

  it('answers only loopback Host names, and /api/status has no appkey or base URL', async () => {
    const home = tempHome();
    const account = {
      id: 'shop',
      label: 'Shop',
      appkey: 'srv-key',
      baseUrl: simulator.url,
      pollIntervalSec: 300,
      enabled: true,
    };
    writeFileSync(path.join(home, 'config.json'), JSON.stringify({ schemaVersion: 1, accounts: [account] }));
    const child = spawnCli(
      ['serve', '--port', '0'],
      childEnv({ EIOT_BALANCE_HOME: home, EIOT_SECRET_SHOP: 'srv-s3cret-x' }),
    );
    try {
      const [line] = await waitForLines(child, /listening on/, 1);
      const port = Number(/:(\d+)\/metrics/.exec(line ?? '')?.[1]);
      expect((await get(port, '/healthz', 'evil.example:80')).status).toBe(403);
      expect((await get(port, '/healthz', `localhost:${port}`)).status).toBe(200);
      const status = await get(port, '/api/status', `127.0.0.1:${port}`);
      expect(status.status).toBe(200);
      expect(status.body).toContain('"label":"Shop"');
      expect(status.body).not.toContain('srv-key');
      expect(status.body).not.toContain(simulator.url);
    } finally {
      child.kill('SIGTERM');
      await exited(child);
    }
  });
});
