// A real `check` process against a real `simulate` process whose clock is 12 minutes behind:
// the platform's "timestamp expired" refusal comes with the hint that the computer's clock
// is off, and by how much, in text and in JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { childEnv, exited, runCli, spawnCli, waitForLines } from './run-cli.js';

let simulator: ChildProcessWithoutNullStreams;
let baseUrl = '';

beforeAll(async () => {
  simulator = spawnCli(['simulate', '--clock-skew', '-12'], childEnv());
  const [line] = await waitForLines(simulator, /^listening \d+$/, 1);
  baseUrl = `http://127.0.0.1:${line?.split(' ')[1]}`;
});

afterAll(async () => {
  simulator.kill('SIGINT');
  await exited(simulator);
});

const check = (extra: string[], env: Record<string, string> = {}) =>
  runCli(['check', '--base-url', baseUrl, '--appkey', 'sim-appkey', ...extra], {
    env: childEnv({ EIOT_SECRET: 'sim-secret', ...env }),
  });

describe('check with the computer clock 12 minutes off', () => {
  it('says the clock is 12 minutes off, and exits 1', async () => {
    const run = await check([]);
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/your computer's clock is 1[12] minutes off \(ahead/i);
    expect(run.stdout + run.stderr).toContain('403 时间戳已过期');
  });

  it('says it in Chinese too', async () => {
    const run = await check([], { LC_ALL: 'zh_CN.UTF-8' });
    expect(run.stdout + run.stderr).toMatch(/时钟.*1[12] 分钟/);
  });

  it('gives the offset in seconds in JSON', async () => {
    const run = await check(['--json']);
    const line = JSON.parse(run.stdout) as { error: { clockOffsetSec?: number } };
    expect(line.error.clockOffsetSec).toBeGreaterThanOrEqual(719);
    expect(line.error.clockOffsetSec).toBeLessThanOrEqual(722);
  });
});
