// `serve` as a process: a label edited while it runs (from another process) so that a set
// EIOT_SECRET_<NAME> fits two accounts is logged once as a structured warning naming the
// variable and both accounts, and never the secret.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnv, exited, runCli, spawnCli, tempHome, waitForLines } from '../cli/run-cli.js';

interface LogLine {
  level: number;
  event?: string;
  [field: string]: unknown;
}

function homeWithAccounts(): string {
  const home = tempHome();
  // Port 9 refuses: the polls fail, which is beside the point here.
  const common = { baseUrl: 'http://127.0.0.1:9', pollIntervalSec: 300, enabled: true };
  const accounts = [
    { id: 'shop', label: 'Main store', appkey: 'key-shop', ...common },
    { id: 'b2', label: 'B two', appkey: 'key-b2', ...common },
  ];
  writeFileSync(path.join(home, 'config.json'), JSON.stringify({ schemaVersion: 1, accounts }));
  return home;
}

function logLines(stderr: string): LogLine[] {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

describe('serve logs a secret name that starts to fit two accounts', () => {
  it('after `accounts edit --label` from another process', async () => {
    const home = homeWithAccounts();
    const env = childEnv({
      EIOT_BALANCE_HOME: home,
      EIOT_SECRET_SHOP: 'sekret-shop-11',
      EIOT_SECRET_B2: 'sekret-b2-22',
    });
    const child = spawnCli(['serve', '--port', '0'], env);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    try {
      await waitForLines(child, /listening on/, 1);
      expect(logLines(stderr).filter((line) => line.event === 'secret-name-ambiguous')).toEqual([]);

      const edit = await runCli(['accounts', 'edit', 'b2', '--label', 'Shop'], {
        env: childEnv({ EIOT_BALANCE_HOME: home }),
      });
      expect(edit.status).toBe(0);

      const logged = await new Promise<LogLine>((resolve, reject) => {
        const look = (): void => {
          const found = logLines(stderr.slice(0, stderr.lastIndexOf('\n') + 1)).find(
            (line) => line.event === 'secret-name-ambiguous',
          );
          if (found) resolve(found);
        };
        child.stderr.on('data', look);
        child.on('close', (status) => reject(new Error(`serve exited ${status}: ${stderr}`)));
        look();
      });
      expect(logged).toMatchObject({
        level: 40,
        name: 'EIOT_SECRET_SHOP',
        from: 'env',
        accounts: [
          { id: 'shop', label: 'Main store' },
          { id: 'b2', label: 'Shop' },
        ],
      });
      expect(String(logged.msg)).toContain('EIOT_SECRET_SHOP');
    } finally {
      child.kill('SIGTERM');
      await exited(child);
    }
    // Once, however many polls and updates follow, and no secret anywhere.
    expect(logLines(stderr).filter((line) => line.event === 'secret-name-ambiguous')).toHaveLength(1);
    expect(stderr).not.toContain('sekret');
  });
});
