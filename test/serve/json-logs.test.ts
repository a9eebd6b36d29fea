// `serve` as a process logs JSON lines (pino) on stderr: a poll that fails, an account whose
// state changes, a notice. Every line parses, and no secret appears, not even a wrong one.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/main/simulator/index.js';
import { childEnv, exited, spawnCli, tempHome } from '../cli/run-cli.js';

const GOOD_SECRET = 'good-s3cret-for-logs';
const BAD_SECRET = 'wrong-s3cret-for-logs';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator({
    accounts: [{ appkey: 'good-key', secret: GOOD_SECRET }],
    balance: { values: ['5.00'] },
  });
});
afterAll(() => simulator.close());

interface LogLine {
  level: number;
  msg?: string;
  event?: string;
  account?: string;
  [field: string]: unknown;
}

function homeWithAccounts(): string {
  const home = tempHome();
  const common = { baseUrl: simulator.url, pollIntervalSec: 300, enabled: true };
  const accounts = [
    { id: 'good', label: 'Good', appkey: 'good-key', lowThreshold: '50.00', criticalThreshold: '10.00', ...common },
    { id: 'bad', label: 'Bad', appkey: 'good-key', ...common },
  ];
  writeFileSync(path.join(home, 'config.json'), JSON.stringify({ schemaVersion: 1, accounts }));
  return home;
}

describe('serve JSON logs', () => {
  it('logs poll failures, state changes and notices as JSON, never a secret', async () => {
    const child = spawnCli(
      ['serve', '--port', '0'],
      childEnv({ EIOT_BALANCE_HOME: homeWithAccounts(), EIOT_SECRET_GOOD: GOOD_SECRET, EIOT_SECRET_BAD: BAD_SECRET }),
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const notJson: string[] = [];
    const lines = (): LogLine[] =>
      stderr
        .split('\n')
        .filter((line) => line !== '')
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as LogLine];
          } catch {
            notJson.push(line);
            return [];
          }
        });
    const has = (found: LogLine[], event: string, account: string) =>
      found.some((line) => line.event === event && line.account === account);
    try {
      await new Promise<void>((resolve, reject) => {
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
          stderr += chunk;
          if (!stderr.endsWith('\n')) return;
          const found = lines();
          if (has(found, 'poll-failed', 'Bad') && has(found, 'notice', 'Good') && has(found, 'state-change', 'Good')) {
            resolve();
          }
        });
        child.on('close', (status) => reject(new Error(`exited ${status}: ${stderr}`)));
      });
    } finally {
      child.kill('SIGTERM');
      await exited(child);
    }
    notJson.length = 0;
    const found = lines();
    expect(notJson).toEqual([]);
    const failed = found.find((line) => line.event === 'poll-failed' && line.account === 'Bad');
    expect(failed).toMatchObject({ accountId: 'bad', kind: 'api', code: '1003', failureStreak: 1 });
    expect(failed?.level).toBeGreaterThanOrEqual(40);
    expect(found.find((line) => line.event === 'notice' && line.account === 'Good')).toMatchObject({
      kind: 'critical',
      balance: '5.00',
      threshold: '10.00',
    });
    expect(found.find((line) => line.event === 'state-change' && line.account === 'Good')).toMatchObject({
      to: 'critical',
    });
    expect(found.some((line) => line.event === 'stopping')).toBe(true);
    for (const secret of [GOOD_SECRET, BAD_SECRET]) expect(stdout + stderr).not.toContain(secret);
  });
});
