// Balances with any number of decimals, and beyond 2^53 cents: the largest through the
// built binary, the others through the same `main` in-process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/main/simulator/index.js';
import { runMain } from './in-process.js';
import { childEnv, runCli } from './run-cli.js';

const APPKEY = 'money-appkey';
const SECRET = 'money-s3cret-value';
let simulator: Simulator;

beforeAll(async () => {
  simulator = await startSimulator({ accounts: [{ appkey: APPKEY, secret: SECRET }], balance: { values: ['1.00'] } });
});
afterAll(() => simulator.close());

const check = (...args: string[]) => ['check', '--base-url', simulator.url, '--appkey', APPKEY, ...args];
const env = () => childEnv({ EIOT_SECRET: SECRET });

describe('check keeps money exact', () => {
  it.each([
    ['12.345', 'USD 12.345', '12.345'],
    ['123456789012345678.91', 'USD 123,456,789,012,345,678.91', '123456789012345678.91'],
    ['0.00000001', 'USD 0.00000001', '0.00000001'],
  ])('%s is shown and printed as sent', async (sent, shown, json) => {
    simulator.setScenario({ balance: { values: [sent] }, faults: {} });
    const run = sent.length > 16 ? runCli : runMain;
    const text = await run(check(), { env: env() });
    expect(text.stderr).toBe('');
    expect(text.status).toBe(0);
    expect(text.stdout.startsWith(`${shown} `)).toBe(true);
    const line = await run(check('--json'), { env: env() });
    expect((JSON.parse(line.stdout) as { balance: string }).balance).toBe(json);
  });
});
