// `watch` and `history` in-process, with an in-memory keychain and a simulator: the engine
// runs for real; the test stops it once the lines it waits for have been printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main/cli/main.js';
import { MemorySecretStore } from '../../src/main/core/secrets/memory.js';
import { startSimulator, type Simulator } from '../../src/main/simulator/index.js';
import { runMain } from './in-process.js';
import { tempHome } from '../helpers/temp-home.js';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator({
    accounts: [{ appkey: 'w-key', secret: 'w-secret' }],
    balance: { values: ['80.00'] },
  });
});
afterAll(() => simulator.close());

/** Runs `watch` until `done(stdout)` holds, then interrupts it as Ctrl-C would. */
async function watchUntil(
  argv: string[],
  env: Record<string, string>,
  keychain: MemorySecretStore,
  done: (out: string) => boolean,
) {
  const interrupt = new AbortController();
  let stdout = '';
  let stderr = '';
  const status = await main(argv, {
    env,
    stdin: (async function* () {})(),
    stdout: {
      write: (chunk: string) => {
        stdout += chunk;
        if (done(stdout)) interrupt.abort();
      },
    },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    clock: { now: () => Date.now() },
    interrupt: interrupt.signal,
    services: { keychain: () => keychain },
  });
  return { status, stdout, stderr };
}

describe('watch', () => {
  it('prints the first reading and the low notice as JSON Lines, and exits 0 when interrupted', async () => {
    const env = { EIOT_BALANCE_HOME: tempHome(), LANG: 'C' };
    const keychain = new MemorySecretStore();
    const add = await runMain(
      [
        'accounts',
        'add',
        '--label',
        'Shop',
        '--appkey',
        'w-key',
        '--base-url',
        simulator.url,
        '--low',
        '100',
        '--secret-stdin',
      ],
      { env, stdin: 'w-secret\n', services: { keychain: () => keychain } },
    );
    expect(add.status).toBe(0);

    const run = await watchUntil(['watch', '--json'], env, keychain, (out) => out.includes('"event":"notice"'));
    expect(run.status).toBe(0);
    const events = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events[0]).toMatchObject({ event: 'reading', account: 'Shop', currency: 'USD', balance: '80.00' });
    expect(events[1]).toMatchObject({
      event: 'notice',
      account: 'Shop',
      kind: 'low',
      balance: '80.00',
      threshold: '100.00',
    });
    expect(run.stdout).not.toContain('w-secret');

    const history = await runMain(['history', '--account', 'Shop'], { env });
    expect(history.status).toBe(0);
    expect(history.stdout).toMatch(/^Shop:\n {2}\d{4}-\d\d-\d\d [\d:]+ \.\. \d{4}-\d\d-\d\d [\d:]+ {2}USD 80\.00\n$/);
    const csv = await runMain(['history', '--csv'], { env });
    expect(csv.status).toBe(0);
    const [header, row] = csv.stdout.split(/\r?\n/);
    expect(header).toMatch(/^account,currency,/);
    expect(row).toMatch(/^Shop,USD,.*80\.00/);
  });

  it('prints readings as lines without --json', async () => {
    const env = { EIOT_BALANCE_HOME: tempHome(), LANG: 'C' };
    const keychain = new MemorySecretStore();
    await runMain(
      ['accounts', 'add', '--label', 'Lab', '--appkey', 'w-key', '--base-url', simulator.url, '--secret-stdin'],
      {
        env,
        stdin: 'w-secret\n',
        services: { keychain: () => keychain },
      },
    );
    const run = await watchUntil(['watch'], env, keychain, (out) => out.includes('\n'));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Lab: USD 80\.00 \(fetched /);
    expect(run.stderr).toMatch(/Watching 1 account/);
  });

  it('exits 2 when there is nothing to watch', async () => {
    const run = await runMain(['watch'], { env: { EIOT_BALANCE_HOME: tempHome(), LANG: 'C' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/accounts add/);
  });
});
