// A real `check` process against `simulate --clock-skew -12` (the command, run in-process:
// simulate.test.ts runs it as a process), whose clock is 12 minutes behind: the platform's
// "timestamp expired" refusal comes with the hint that the computer's clock is off, and by
// how much, in text and in JSON. The text through the binary, Chinese and JSON in-process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from './in-process.js';
import { childEnv, runCli, type CliRun } from './run-cli.js';

const stopSimulator = new AbortController();
let simulation: Promise<CliRun>;
let baseUrl = '';

beforeAll(async () => {
  baseUrl = await new Promise<string>((resolve, reject) => {
    simulation = runMain(['simulate', '--clock-skew', '-12'], {
      env: childEnv(),
      interrupt: stopSimulator.signal,
      onStdout: (stdout) => {
        const port = /^listening (\d+)$/m.exec(stdout)?.[1];
        if (port) resolve(`http://127.0.0.1:${port}`);
      },
    });
    simulation.then((run) => reject(new Error(`simulate ended: ${run.stderr}`)), reject);
  });
});

afterAll(async () => {
  stopSimulator.abort();
  expect((await simulation).status).toBe(0);
});

const check = (extra: string[], env: Record<string, string> = {}, run = runMain) =>
  run(['check', '--base-url', baseUrl, '--appkey', 'sim-appkey', ...extra], {
    env: childEnv({ EIOT_SECRET: 'sim-secret', ...env }),
  });

describe('check with the computer clock 12 minutes off', () => {
  it('says the clock is 12 minutes off, and exits 1', async () => {
    const run = await check([], {}, runCli);
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
