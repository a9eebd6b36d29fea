// Stored accounts for scripts and monitoring: add verifies, edit and set-secret keep the
// history, check records readings and speaks Nagios, and the commands that need no secret
// work without a keychain. Real binary, real (private) Secret Service, simulator on loopback.
// Each behaviour runs the built binary as a process; the set-up steps and the variants of a
// behaviour run through the same `main` in this process, on the same private keychain, so a
// test does not pay a Node start-up and a keychain connection for every step.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSimulator, type Simulator } from '../../src/main/simulator/index.js';
import { skipOrFail, startKeychain, type Keychain } from '../helpers/keychain.js';
import { runMain } from './in-process.js';
import { childEnv, exited, runCli, spawnCli, tempHome, waitForLines } from './run-cli.js';

// Several child processes per test, each loading the keychain: slow on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const APPKEY = 'stored-appkey';
const SECRET = 'stored-s3cret-value';
let keychain: Keychain;
let simulator: Simulator;

beforeAll(async () => {
  keychain = await startKeychain();
  // libsecret connects once per process: the bus is set before keytar first loads here.
  if ('env' in keychain) Object.assign(process.env, keychain.env);
  else skipOrFail(keychain.skipReason);
  simulator = await startSimulator({ accounts: [{ appkey: APPKEY, secret: SECRET }], balance: { values: ['500.00'] } });
});
afterAll(async () => {
  await simulator?.close();
  if ('stop' in keychain) await keychain.stop();
});
beforeEach(() => simulator?.setScenario({ balance: { values: ['500.00'] }, faults: {} }));

/** A fresh data folder with the keychain, and the same folder without any session bus. */
function homes(): { withKeychain: Record<string, string>; without: Record<string, string> } {
  if (!('env' in keychain)) throw new Error('no keychain');
  const home = tempHome();
  return {
    withKeychain: childEnv({ ...keychain.env, EIOT_BALANCE_HOME: home }),
    without: childEnv({ EIOT_BALANCE_HOME: home }),
  };
}

/** In this process unless `run` says otherwise: setting up is not what these tests are about. */
async function addShop(env: Record<string, string>, extra: string[] = [], run = runMain): Promise<string> {
  const added = await run(
    ['accounts', 'add', '--label', 'Shop', '--appkey', APPKEY, '--base-url', simulator.url, '--secret-stdin', ...extra],
    { env, stdin: `${SECRET}\n` },
  );
  expect(added.status, added.stderr).toBe(0);
  return added.stdout.trim();
}

const historyFile = (env: Record<string, string>, id: string) =>
  readFileSync(path.join(env.EIOT_BALANCE_HOME as string, 'history', `${id}.json`), 'utf8');

describe('accounts add', () => {
  it('checks the credentials first and stores nothing when they fail', async (context) => {
    if (!('env' in keychain)) return context.skip();
    const { withKeychain } = homes();
    const run = await runCli(
      ['accounts', 'add', '--label', 'Shop', '--appkey', APPKEY, '--base-url', simulator.url, '--secret-stdin'],
      { env: withKeychain, stdin: 'wrong-secret\n' },
    );
    expect(run.stderr).toMatch(/Not added/);
    expect(run.stderr).toMatch(/--no-verify/);
    expect(run.status).toBe(1);
    expect((await runMain(['accounts', 'list', '--json'], { env: withKeychain })).stdout).toBe('');
  });

  it('says what it read and suggests thresholds from the balance', async (context) => {
    if (!('env' in keychain)) return context.skip();
    const { withKeychain } = homes();
    const run = await runCli(
      ['accounts', 'add', '--label', 'Shop', '--appkey', APPKEY, '--base-url', simulator.url, '--secret-stdin'],
      { env: withKeychain, stdin: `${SECRET}\n` },
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('Checked Shop: USD 500.00');
    expect(run.stderr).toContain('--low 100.00 --critical 50.00');
  });

  it('with --no-verify stores without calling the API', async (context) => {
    if (!('env' in keychain)) return context.skip();
    const { withKeychain } = homes();
    const before = simulator.calls;
    await addShop(withKeychain, ['--no-verify'], runCli);
    expect(simulator.calls).toBe(before);
  });
});

describe('check with stored accounts', () => {
  it('records the reading in history and shows the state against the thresholds', async (context) => {
    if (!('env' in keychain)) return context.skip();
    const { withKeychain } = homes();
    const id = await addShop(withKeychain, ['--low', '600', '--critical', '100']);
    const run = await runCli(['check'], { env: withKeychain });
    expect(run.stdout).toMatch(/^Shop: USD 500\.00 \[Low\] \(fetched /);
    expect(run.status).toBe(0);
    expect(historyFile(withKeychain, id)).toContain('"500.00"');
    const json = await runMain(['check', '--json'], { env: withKeychain });
    expect(JSON.parse(json.stdout)).toMatchObject({ account: 'Shop', balance: '500.00', state: 'low' });
  });

  it.for([
    ['1000.00', 'OK', 0],
    ['500.00', 'WARNING', 1],
    ['50.00', 'CRITICAL', 2],
  ] as const)('--nagios with balance %s: %s, exit %i, with perfdata', async ([balance, state, status], context) => {
    if (!('env' in keychain)) return context.skip();
    const { withKeychain } = homes();
    await addShop(withKeychain, ['--low', '600', '--critical', '100']);
    simulator.setScenario({ balance: { values: [balance] } });
    // One state through the binary (the exit status), the others in this process.
    const run = await (state === 'WARNING' ? runCli : runMain)(['check', '--nagios'], { env: withKeychain });
    expect(run.stdout).toMatch(new RegExp(`^EIOT BALANCE ${state} - Shop USD ${balance.replace('.', '\\.')}`));
    expect(run.stdout).toContain(` | 'Shop'=${balance};600.00:;100.00:\n`);
    expect(run.status).toBe(status);
  });

  it('--nagios is UNKNOWN (exit 3) when the balance cannot be read', async (context) => {
    if (!('env' in keychain)) return context.skip();
    const { withKeychain } = homes();
    await addShop(withKeychain);
    simulator.setScenario({ faults: { 1: { kind: 'status', status: 503 } } });
    const run = await runCli(['check', '--nagios'], { env: withKeychain });
    expect(run.stdout).toMatch(/^EIOT BALANCE UNKNOWN - Shop UNKNOWN: /);
    expect(run.stdout).not.toContain('|');
    expect(run.status).toBe(3);
  });
});

describe('accounts edit and set-secret keep the history', () => {
  it('edits thresholds and the label without a keychain, keeping the id and history', async (context) => {
    if (!('env' in keychain)) return context.skip();
    const { withKeychain, without } = homes();
    const id = await addShop(withKeychain);
    await runMain(['check'], { env: withKeychain });
    const history = historyFile(withKeychain, id);

    const edited = await runCli(
      ['accounts', 'edit', 'Shop', '--label', 'Shop EU', '--low', '600', '--interval', '120'],
      {
        env: without,
      },
    );
    expect(edited.stderr).toBe('');
    expect(edited.status).toBe(0);
    const listed = await runCli(['accounts', 'list', '--json'], { env: without });
    expect(JSON.parse(listed.stdout)).toMatchObject({
      id,
      label: 'Shop EU',
      lowThreshold: '600.00',
      pollIntervalSec: 120,
      hasSecret: null,
    });
    expect(listed.stderr).toMatch(/No system keychain/);
    expect(historyFile(withKeychain, id)).toBe(history);
    const shown = await runMain(['history', '--account', 'Shop EU'], { env: without });
    expect(shown.stdout).toContain('USD 500.00');
    expect(shown.status).toBe(0);
  });

  it('refuses a bad edit and changes nothing', async (context) => {
    if (!('env' in keychain)) return context.skip();
    const { without, withKeychain } = homes();
    await addShop(withKeychain);
    const run = await runCli(['accounts', 'edit', 'Shop', '--critical', '-1'], { env: without });
    expect(run.stderr).toMatch(/negative/);
    expect(run.status).toBe(2);
    expect((await runMain(['accounts', 'edit', 'Shop'], { env: without })).stderr).toMatch(/Nothing to change/);
    const listed = await runMain(['accounts', 'list', '--json'], { env: without });
    expect(JSON.parse(listed.stdout)).not.toHaveProperty('criticalThreshold');
  });

  it('--disable and --enable toggle the account', async (context) => {
    if (!('env' in keychain)) return context.skip();
    const { without, withKeychain } = homes();
    await addShop(withKeychain);
    expect((await runCli(['accounts', 'edit', 'Shop', '--disable'], { env: without })).status).toBe(0);
    expect(JSON.parse((await runMain(['accounts', 'list', '--json'], { env: without })).stdout)).toMatchObject({
      enabled: false,
    });
    await runMain(['accounts', 'edit', 'Shop', '--enable'], { env: without });
    expect(JSON.parse((await runMain(['accounts', 'list', '--json'], { env: without })).stdout)).toMatchObject({
      enabled: true,
    });
  });

  it('set-secret replaces the secret, and the account and history stay', async (context) => {
    if (!('env' in keychain)) return context.skip();
    const { withKeychain } = homes();
    const id = await addShop(withKeychain, ['--no-verify']);
    await runMain(['accounts', 'set-secret', 'Shop', '--secret-stdin'], { env: withKeychain, stdin: 'old-wrong\n' });
    const failing = await runMain(['check'], { env: withKeychain });
    expect(failing.status).toBe(1);

    const rotated = await runCli(['accounts', 'set-secret', id, '--secret-stdin'], {
      env: withKeychain,
      stdin: `${SECRET}\n`,
    });
    expect(rotated.status).toBe(0);
    expect(rotated.stdout).not.toContain(SECRET);
    const ok = await runCli(['check'], { env: withKeychain });
    expect(ok.status).toBe(0);
    expect(JSON.parse((await runMain(['accounts', 'list', '--json'], { env: withKeychain })).stdout)).toMatchObject({
      id,
      hasSecret: true,
    });
  });
});

describe('watch', () => {
  it('marks the reading remembered from history as last-known, then prints the new one', async (context) => {
    if (!('env' in keychain)) return context.skip();
    const { withKeychain } = homes();
    await addShop(withKeychain);
    await runMain(['check'], { env: withKeychain });
    simulator.setScenario({ balance: { values: ['499.00'] } });
    const child = spawnCli(['watch', '--json'], withKeychain);
    try {
      const lines = await waitForLines(child, /"event":"(last-known|reading)"/, 2);
      const [first, second] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(first).toMatchObject({ event: 'last-known', account: 'Shop', balance: '500.00' });
      expect(second).toMatchObject({ event: 'reading', account: 'Shop', balance: '499.00' });
    } finally {
      child.kill('SIGINT');
      await exited(child);
    }
  });
});
