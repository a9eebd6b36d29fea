// Several processes on one data folder, as users run them: a running engine (`serve`)
// while other terminals add and remove accounts at the same moment. Every change must
// survive in config.json and show in the running engine within 2 s. `npm test` runs three
// rounds, which fail every time without the settings lock; `npm run test:stress` (CI) runs
// twenty, so a lost update that happens one time in ten is caught too. Real processes, the
// built CLI run by node directly, the real keychain on a private session bus.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/main/simulator/index.js';
import { skipOrFail, startKeychain, type Keychain } from '../helpers/keychain.js';
import { stressRounds } from '../helpers/stress.js';
import { runMain } from './in-process.js';
import { childEnv, runCli, spawnCli } from './run-cli.js';

const ROUNDS = stressRounds(3, 20);
const ADDERS = 5;
const SECRET = 'shared-folder-secret';
let keychain: Keychain;
let simulator: Simulator;

beforeAll(async () => {
  keychain = await startKeychain();
  // libsecret connects once per process: the bus is set before keytar first loads here.
  if ('env' in keychain) Object.assign(process.env, keychain.env);
  else skipOrFail(keychain.skipReason);
  simulator = await startSimulator({
    accounts: [{ appkey: 'shared-key', secret: SECRET }],
    balance: { start: '500.00' },
  });
});
afterAll(async () => {
  await simulator?.close();
  if ('stop' in keychain) await keychain.stop();
});

/** As a process unless `run` says otherwise (the two accounts there before the engine starts). */
async function add(env: Record<string, string>, label: string, run: typeof runMain = runCli): Promise<string> {
  const added = await run(
    // --no-verify: this test is about the shared file; the credential check has its own tests.
    [
      'accounts',
      'add',
      '--label',
      label,
      '--appkey',
      'shared-key',
      '--base-url',
      simulator.url,
      '--secret-stdin',
      '--no-verify',
    ],
    { env, stdin: `${SECRET}\n` },
  );
  expect(added.stderr).toBe('');
  expect(added.status).toBe(0);
  return added.stdout.trim();
}

function labelsOnDisk(home: string): string[] {
  const document = JSON.parse(readFileSync(path.join(home, 'config.json'), 'utf8')) as {
    accounts: Array<{ label: string }>;
  };
  return document.accounts.map((account) => account.label).sort();
}

async function labelsInEngine(port: number): Promise<string[]> {
  const response = await fetch(`http://127.0.0.1:${port}/api/status`);
  const snapshot = (await response.json()) as { accounts: Array<{ label: string }> };
  return snapshot.accounts.map((account) => account.label).sort();
}

describe('one data folder, many processes', () => {
  it(`a running engine plus ${ADDERS} concurrent adds and one remove: nothing lost, shown within 2 s, ${ROUNDS} rounds`, async (context) => {
    if (!('env' in keychain)) return context.skip();
    const env = childEnv(keychain.env);
    const home = env.EIOT_BALANCE_HOME ?? '';
    const expected = new Map<string, string>();
    expected.set('Base', await add(env, 'Base', runMain));
    expected.set('Spare', await add(env, 'Spare', runMain));

    const serve = spawnCli(['serve', '--port', '0'], env);
    let out = '';
    serve.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    let errors = '';
    serve.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        serve.stdout.on('data', () => {
          const match = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
          if (match) resolve(Number(match[1]));
        });
        serve.on('exit', () => reject(new Error(`serve exited: ${errors}`)));
      });
      const lags: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const victim = [...expected.keys()].find((label) => label !== 'Base') ?? '';
        const labels = Array.from({ length: ADDERS }, (_, i) => `R${round}-${i}`);
        const [ids, removed] = await Promise.all([
          Promise.all(labels.map((label) => add(env, label))),
          runCli(['accounts', 'remove', victim], { env }),
        ]);
        expect(removed.status, removed.stderr).toBe(0);
        expected.delete(victim);
        labels.forEach((label, i) => expected.set(label, ids[i] ?? ''));
        const want = [...expected.keys()].sort();
        expect(labelsOnDisk(home)).toEqual(want);
        const since = Date.now();
        for (;;) {
          if (JSON.stringify(await labelsInEngine(port)) === JSON.stringify(want)) break;
          if (Date.now() - since > 2_000) expect(await labelsInEngine(port)).toEqual(want);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        lags.push(Date.now() - since);
      }
      await context.annotate(
        `engine caught up ${Math.max(...lags)} ms after the last process ended (worst of ${ROUNDS})`,
      );
    } finally {
      serve.kill('SIGTERM');
      await new Promise((resolve) => serve.once('exit', resolve));
    }
    expect(errors).not.toMatch(/not saved|not reloaded|lock/);
  }, 600_000);
});
