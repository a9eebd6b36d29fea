// `eiot-balance check` end to end against a simulator on loopback. One test per behaviour
// runs the built binary as a process (output, JSON, stdin, each exit status); the variants
// of a behaviour run through the same `main` in this process, without a Node start-up each.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULTS, REJECTIONS, startSimulator, type Simulator } from '../../src/main/simulator/index.js';
import { runMain } from './in-process.js';
import { childEnv, runCli } from './run-cli.js';

const APPKEY = 'cli-test-appkey';
const SECRET = 'cli-test-s3cret-value';
let simulator: Simulator;

beforeAll(async () => {
  simulator = await startSimulator({ accounts: [{ appkey: APPKEY, secret: SECRET }], balance: { start: '1234.56' } });
});
afterAll(() => simulator.close());

const withSecret = (extra: Record<string, string> = {}) => childEnv({ EIOT_SECRET: SECRET, ...extra });
const check = (...args: string[]) => ['check', '--base-url', simulator.url, '--appkey', APPKEY, ...args];

/** A port nothing listens on: bound, read, closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('check with flags', () => {
  it('prints the balance with the local wall-clock time of the fetch and exits 0', async () => {
    simulator.setScenario({ balance: { start: '1234.56' }, faults: {} });
    const before = Date.now();
    const run = await runCli(check(), { env: withSecret({ TZ: 'UTC' }) });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^USD 1,234\.56 \(fetched \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\)\n$/);
    expect(run.status).toBe(0);
    const [, stamp] = /fetched ([\d-]+ [\d:]+)/.exec(run.stdout) ?? [];
    const fetched = Date.parse(`${stamp?.replace(' ', 'T')}Z`);
    expect(fetched).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(fetched).toBeLessThanOrEqual(Date.now());
  });

  it('prints one JSON line with --json', async () => {
    const run = await runCli(check('--json'), { env: withSecret() });
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const parsed = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(parsed).toEqual({ account: null, currency: 'USD', balance: '1234.56', fetchedAt: expect.any(String) });
    expect(new Date(parsed.fetchedAt as string).toISOString()).toBe(parsed.fetchedAt);
  });

  it('reads the secret from the first line of stdin with --secret-stdin', async () => {
    const run = await runCli(check('--secret-stdin'), { env: childEnv(), stdin: `${SECRET}\nsecond line\n` });
    expect(run.stdout).toMatch(/^USD 1,234\.56 /);
    expect(run.status).toBe(0);
  });

  it('speaks Chinese under a zh locale', async () => {
    const run = await runMain(check(), { env: withSecret({ LANG: 'zh_CN.UTF-8' }) });
    expect(run.stdout).toMatch(/^USD 1,234\.56（查询于 /);
    expect(run.status).toBe(0);
  });
});

describe('check failures and their exit status', () => {
  it('exits 1 with the API code and message on stderr when the signature is wrong', async () => {
    const run = await runCli(check(), { env: childEnv({ EIOT_SECRET: 'not-the-secret' }) });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(REJECTIONS.badSign.code);
    expect(run.stderr).toContain(REJECTIONS.badSign.message);
    expect(run.stderr).not.toContain('not-the-secret');
  });

  it('exits 1 with the failure as JSON on stdout with --json', async () => {
    const run = await runMain(check('--json'), { env: childEnv({ EIOT_SECRET: 'not-the-secret' }) });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      account: null,
      error: { kind: 'api', code: REJECTIONS.badSign.code, message: REJECTIONS.badSign.message },
    });
  });

  it('exits 3 with a one-line reason for HTTP 500', async () => {
    simulator.setScenario({ faults: { 1: FAULTS.serverError } });
    const run = await runCli(check(), { env: withSecret() });
    simulator.setScenario({ faults: {} });
    expect(run.status).toBe(3);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('500');
  });

  it('exits 3 with a one-line reason for an unreadable answer', async () => {
    simulator.setScenario({ faults: { 1: FAULTS.truncatedJson } });
    const run = await runMain(check('--json'), { env: withSecret() });
    simulator.setScenario({ faults: {} });
    expect(run.status).toBe(3);
    expect(JSON.parse(run.stdout)).toMatchObject({ account: null, error: { kind: 'invalid-response' } });
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 3 when nothing listens on the port', async () => {
    const port = await closedPort();
    const run = await runMain(['check', '--base-url', `http://127.0.0.1:${port}`, '--appkey', APPKEY], {
      env: withSecret(),
    });
    expect(run.status).toBe(3);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/refused/i);
  });

  it('exits 3 with a network reason when --timeout is exceeded', async () => {
    simulator.setScenario({ faults: { 1: FAULTS.hang } });
    const run = await runMain(check('--timeout', '300'), { env: withSecret() });
    simulator.setScenario({ faults: {} });
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/time|respond|deadline/i);
  });
});

describe.concurrent('check usage errors exit 2 and say what is wrong', () => {
  it('refuses a --secret argument and explains why', async () => {
    const run = await runCli(check('--secret', SECRET), { env: childEnv() });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/never accepted as a command-line argument/);
    expect(run.stderr).toMatch(/EIOT_SECRET/);
    expect(run.stderr).not.toContain(SECRET);
    expect(run.stdout).toBe('');
  });

  it('refuses --secret=value too', async () => {
    const run = await runMain(check(`--secret=${SECRET}`), { env: childEnv() });
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain(SECRET);
  });

  it('names the missing secret', async () => {
    const run = await runMain(check(), { env: childEnv() });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Missing secret/);
  });

  it('says that standard input gave no secret when it is not a terminal and empty', async () => {
    const run = await runMain(check('--secret-stdin'), { env: childEnv(), stdin: '' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/No secret on standard input: it is not a terminal/);
  });

  it('names the missing appkey', async () => {
    const run = await runMain(['check', '--base-url', simulator.url], { env: withSecret() });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--appkey/);
  });

  it('refuses plain http to another machine before any request', async () => {
    const calls = simulator.calls;
    const run = await runMain(['check', '--base-url', 'http://example.com', '--appkey', APPKEY], { env: withSecret() });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--base-url/);
    expect(run.stderr).toMatch(/https/);
    expect(simulator.calls).toBe(calls);
  });

  it('refuses a base URL that is not a URL', async () => {
    const run = await runMain(['check', '--base-url', 'not a url', '--appkey', APPKEY], { env: withSecret() });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--base-url/);
  });

  it('names an unknown option', async () => {
    const run = await runMain(check('--colour'), { env: withSecret() });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Unknown option --colour/);
  });

  it('refuses a --timeout that is not a number of milliseconds', async () => {
    const run = await runMain(check('--timeout', 'soon'), { env: withSecret() });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--timeout/);
  });

  it('refuses to mix --account with --appkey', async () => {
    const run = await runMain(check('--account', 'x'), { env: withSecret() });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--account/);
  });

  it('says how to add an account when none is stored', async () => {
    const run = await runMain(['check'], { env: withSecret() });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/accounts add/);
  });
});
