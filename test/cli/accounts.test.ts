// Stored accounts: add, list, remove and `check --account`, in-process with an in-memory
// keychain (the logic), and as a child process for the "no keychain" path a user can hit.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../src/main/core/secrets/memory.js';
import { REJECTIONS, startSimulator, type Simulator } from '../../src/main/simulator/index.js';
import { runMain } from './in-process.js';
import { childEnv, runCli, tempHome } from './run-cli.js';

const SECRET = 'stored-account-secret';
let simulator: Simulator;
let keychain: MemorySecretStore;
let home: string;

beforeAll(async () => {
  simulator = await startSimulator({
    accounts: [
      { appkey: 'shop-key', secret: SECRET },
      { appkey: 'lab-key', secret: 'lab-secret' },
    ],
    balance: { start: '250.00' },
  });
});
afterAll(() => simulator.close());
beforeEach(() => {
  keychain = new MemorySecretStore();
  home = tempHome();
});

const env = () => ({ EIOT_BALANCE_HOME: home, LANG: 'C' });
const run = (argv: string[], stdin?: string) =>
  runMain(argv, { env: env(), ...(stdin === undefined ? {} : { stdin }), services: { keychain: () => keychain } });

async function addShop(): Promise<string> {
  const added = await run(
    [
      'accounts',
      'add',
      '--label',
      'Shop',
      '--appkey',
      'shop-key',
      '--base-url',
      simulator.url,
      '--low',
      '100',
      '--secret-stdin',
    ],
    `${SECRET}\n`,
  );
  expect(added.stderr).toBe('Checked Shop: USD 250.00.\n');
  expect(added.status).toBe(0);
  return added.stdout.trim();
}

describe('accounts add, list, remove', () => {
  it('adds an account, keeps its secret in the keychain only, and prints its id', async () => {
    const id = await addShop();
    expect(await keychain.get({ id, label: '' })).toBe(SECRET);
    const file = readFileSync(path.join(home, 'config.json'), 'utf8');
    expect(file).toContain('shop-key');
    expect(file).not.toContain(SECRET);
  });

  it('lists accounts with hasSecret and never the secret', async () => {
    const id = await addShop();
    const listed = await run(['accounts', 'list', '--json']);
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual({
      id,
      label: 'Shop',
      appkey: 'shop-key',
      baseUrl: simulator.url,
      pollIntervalSec: 300,
      lowThreshold: '100.00',
      enabled: true,
      hasSecret: true,
    });
    const human = await run(['accounts', 'list']);
    expect(human.stdout).toContain('Shop');
    expect(human.stdout).toContain('secret in keychain');
    expect(human.stdout + listed.stdout).not.toContain(SECRET);
  });

  it('removes an account by label, with its keychain entry', async () => {
    const id = await addShop();
    const removed = await run(['accounts', 'remove', 'shop']);
    expect(removed.status).toBe(0);
    expect(removed.stdout).toContain(id);
    expect(await keychain.get({ id, label: '' })).toBeNull();
    expect((await run(['accounts', 'list', '--json'])).stdout).toBe('');
  });

  it('refuses invalid input naming each option, and saves nothing', async () => {
    const result = await run(
      [
        'accounts',
        'add',
        '--label',
        'X',
        '--appkey',
        'k',
        '--low',
        '10',
        '--critical',
        '20',
        '--interval',
        '5',
        '--secret-stdin',
      ],
      'secret\n',
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--critical: /);
    expect(result.stderr).toMatch(/--interval: /);
    expect(existsSync(path.join(home, 'config.json'))).toBe(false);
  });

  it('refuses a second account with the same label', async () => {
    await addShop();
    const again = await run(['accounts', 'add', '--label', 'SHOP', '--appkey', 'x', '--secret-stdin'], 's\n');
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/--label: /);
  });

  it('needs a secret', async () => {
    const result = await run(['accounts', 'add', '--label', 'Shop', '--appkey', 'k', '--secret-stdin'], '');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/No secret on standard input/);
  });

  it('exits 2 for an unknown account', async () => {
    const result = await run(['accounts', 'remove', 'nobody']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/"nobody"/);
  });
});

describe('check with stored accounts', () => {
  it('checks every enabled account with its keychain secret, one line each', async () => {
    await addShop();
    await run(
      ['accounts', 'add', '--label', 'Lab', '--appkey', 'lab-key', '--base-url', simulator.url, '--secret-stdin'],
      'lab-secret\n',
    );
    const result = await run(['check']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Shop: USD 250\.00 \[OK\] \(fetched /);
    expect(lines[1]).toMatch(/^Lab: USD 250\.00 \[OK\] \(fetched /);
  });

  it('checks one account by label with --json', async () => {
    await addShop();
    const result = await run(['check', '--account', 'Shop', '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ account: 'Shop', currency: 'USD', balance: '250.00' });
  });

  it('lets the worst status win across accounts', async () => {
    await addShop();
    await run(
      [
        'accounts',
        'add',
        '--label',
        'Lab',
        '--appkey',
        'lab-key',
        '--base-url',
        simulator.url,
        '--secret-stdin',
        '--no-verify',
      ],
      'wrong\n',
    );
    const result = await run(['check', '--json']);
    expect(result.status).toBe(1);
    const [shop, lab] = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(shop).toMatchObject({ account: 'Shop', balance: '250.00' });
    expect(lab).toEqual({
      account: 'Lab',
      error: { kind: 'api', code: REJECTIONS.badSign.code, message: REJECTIONS.badSign.message },
      state: 'error',
    });
    expect(result.stderr).toMatch(/^Lab: /);
  });

  it('exits 2 for an account whose secret is missing', async () => {
    const id = await addShop();
    await keychain.delete(id);
    const result = await run(['check', '--account', id]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no secret/);
  });
});

describe('without a system keychain (no session bus)', () => {
  it('accounts add fails with exit 2, says what to install, and stores nothing', async () => {
    const childHome = tempHome();
    const result = await runCli(['accounts', 'add', '--label', 'Shop', '--appkey', 'k', '--secret-stdin'], {
      env: childEnv({ EIOT_BALANCE_HOME: childHome }),
      stdin: `${SECRET}\n`,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/keychain/i);
    expect(result.stderr).not.toContain(SECRET);
    expect(existsSync(path.join(childHome, 'config.json'))).toBe(false);
  });
});
