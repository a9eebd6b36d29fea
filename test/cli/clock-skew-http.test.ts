// A real `check` process against a simulator that refuses at the HTTP level (401/403, no
// JSON envelope, so no "timestamp" in any message) while its Date header is 12 minutes
// behind this computer: the failure still names the clock as the likely cause, in text and
// JSON. A refusal with the clocks in step, or a 500, says nothing about the clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/main/simulator/index.js';
import { childEnv, runCli } from './run-cli.js';

const APPKEY = 'http-clock-appkey';
const SECRET = 'http-clock-s3cret';
let skewed: Simulator;
let inStep: Simulator;

beforeAll(async () => {
  const accounts = [{ appkey: APPKEY, secret: SECRET }];
  const forbidden = { faults: () => ({ kind: 'status' as const, status: 403, body: 'Forbidden' }) };
  skewed = await startSimulator({ accounts, clockSkewMs: -12 * 60_000, ...forbidden });
  inStep = await startSimulator({ accounts, ...forbidden });
});
afterAll(async () => {
  await Promise.all([skewed.close(), inStep.close()]);
});

const check = (simulator: Simulator, extra: string[] = [], env: Record<string, string> = {}) =>
  runCli(['check', '--base-url', simulator.url, '--appkey', APPKEY, ...extra], {
    env: childEnv({ EIOT_SECRET: SECRET, ...env }),
  });

describe('check refused with HTTP 403 while the clocks are 12 minutes apart', () => {
  it('names the status and the clock, and exits 3 as any HTTP refusal does', async () => {
    const run = await check(skewed);
    expect(run.status).toBe(3);
    expect(run.stdout + run.stderr).toContain('HTTP 403');
    expect(run.stdout + run.stderr).toMatch(/your computer's clock is 1[12] minutes off \(ahead/i);
  });

  it('in Chinese too, and with the offset in JSON', async () => {
    const zh = await check(skewed, [], { LC_ALL: 'zh_CN.UTF-8' });
    expect(zh.stdout + zh.stderr).toMatch(/HTTP 403.*时钟.*1[12] 分钟/);
    const json = await check(skewed, ['--json']);
    const line = JSON.parse(json.stdout) as { error: { status?: number; clockOffsetSec?: number } };
    expect(line.error.clockOffsetSec).toBeGreaterThanOrEqual(719);
    expect(line.error.clockOffsetSec).toBeLessThanOrEqual(722);
  });

  it('says nothing of the clock when the clocks agree', async () => {
    const run = await check(inStep);
    expect(run.status).toBe(3);
    expect(run.stdout + run.stderr).toContain('HTTP 403');
    expect(run.stdout + run.stderr).not.toMatch(/clock/i);
  });
});
