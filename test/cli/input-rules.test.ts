// Version, option values, labels and the server's text. What reaches the terminal from
// the server, and one refused label, go through the built binary; the version (the binary
// prints it in basics.test.ts) and the other variants run the same `main` in-process.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/main/simulator/index.js';
import { runMain } from './in-process.js';
import { childEnv, runCli } from './run-cli.js';

const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
const APPKEY = 'rules-appkey';
const SECRET = 'rules-s3cret-value';
let simulator: Simulator;

beforeAll(async () => {
  simulator = await startSimulator({ accounts: [{ appkey: APPKEY, secret: SECRET }], balance: { values: ['10.00'] } });
});
afterAll(() => simulator.close());

describe('version', () => {
  it.each([['-V'], ['version'], ['--version']])('%s prints the version', async (flag) => {
    const run = await runMain([flag], { env: childEnv() });
    expect(run.stdout).toBe(`${VERSION}\n`);
    expect(run.status).toBe(0);
  });
});

describe('option values', () => {
  it('--low -5 is read as a value and refused as negative', async () => {
    const run = await runMain(['accounts', 'add', '--label', 'A', '--appkey', 'k', '--low', '-5', '--no-verify'], {
      env: childEnv({ EIOT_SECRET: 'x' }),
    });
    expect(run.stderr).toMatch(/negative/i);
    expect(run.stderr).not.toMatch(/needs a value|Unknown option/);
    expect(run.status).toBe(2);
  });
});

describe('labels', () => {
  it.each([
    ['a newline', 'Shop\nEU'],
    ['a tab', 'Shop\tEU'],
    ['an escape', 'Shop\u001b[2J'],
  ])('refuses a label with %s, storing nothing', async (_name, label) => {
    const env = childEnv({ EIOT_SECRET: 'x' });
    // The newline through the binary, the others in-process.
    const runner = label.includes('\n') ? runCli : runMain;
    const run = await runner(['accounts', 'add', '--label', label, '--appkey', 'k', '--no-verify'], { env });
    expect(run.stderr).toMatch(/control characters/);
    expect(run.status).toBe(2);
    const list = await runMain(['accounts', 'list', '--json'], { env });
    expect(list.stdout).toBe('');
  });
});

describe('text from the server', () => {
  it('reaches the terminal without control characters or escape sequences, and capped', async () => {
    const hostile = `\u001b]0;pwned\u0007\u001b[2J\u001b[31mbad\u0007 sign\u009b31m\r\nline two ${'x'.repeat(30_000)}`;
    simulator.setScenario({ faults: { 1: { kind: 'api', code: '1003', message: hostile } } });
    const run = await runCli(['check', '--base-url', simulator.url, '--appkey', APPKEY], {
      env: childEnv({ EIOT_SECRET: SECRET }),
    });
    expect(run.status).toBe(1);
    // eslint-disable-next-line no-control-regex -- the point is that none of these arrive
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(run.stderr).toContain('bad sign line two');
    expect(run.stderr).not.toContain('pwned');
    expect(run.stderr.length).toBeLessThan(400);
  });
});
