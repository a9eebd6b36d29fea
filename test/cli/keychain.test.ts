// Stored accounts end to end with the real OS keychain (a private Secret Service on its
// own session bus), one child process per command, as a user runs them. What the keychain
// holds is read back by this test's process through keytar, not by another child.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICE, loadKeytar } from '../../src/main/core/secrets/keytar.js';
import { startSimulator, type Simulator } from '../../src/main/simulator/index.js';
import { skipOrFail, startKeychain, type Keychain } from '../helpers/keychain.js';
import { childEnv, runCli } from './run-cli.js';

const SECRET = 'keychain-cli-secret';
let keychain: Keychain;
let simulator: Simulator;

beforeAll(async () => {
  keychain = await startKeychain();
  // libsecret connects once per process: the bus is set before keytar first loads here.
  if ('env' in keychain) Object.assign(process.env, keychain.env);
  else skipOrFail(keychain.skipReason);
  simulator = await startSimulator({ accounts: [{ appkey: 'kc-key', secret: SECRET }], balance: { start: '1234.56' } });
});
afterAll(async () => {
  await simulator?.close();
  if ('stop' in keychain) await keychain.stop();
});

/** What the keychain holds for an account, read through keytar itself, not through the CLI. */
async function keychainEntry(id: string): Promise<string | null> {
  return (await loadKeytar()).getPassword(KEYCHAIN_SERVICE, id);
}

describe('accounts with the real keychain', () => {
  it('adds, lists, checks and removes an account across processes', async (context) => {
    if (!('env' in keychain)) return context.skip();
    const env = childEnv(keychain.env);

    const added = await runCli(
      ['accounts', 'add', '--label', 'Shop', '--appkey', 'kc-key', '--base-url', simulator.url, '--secret-stdin'],
      { env, stdin: `${SECRET}\n` },
    );
    expect(added.stderr).toMatch(/^Checked Shop: USD 1,234\.56\./);
    expect(added.status).toBe(0);
    const id = added.stdout.trim();
    expect(id).toMatch(/^[\w-]+$/);
    expect(await keychainEntry(id)).toBe(SECRET);

    const listed = await runCli(['accounts', 'list', '--json'], { env });
    expect(JSON.parse(listed.stdout)).toMatchObject({ id, label: 'Shop', hasSecret: true });
    expect(listed.stdout).not.toContain(SECRET);

    const checked = await runCli(['check', '--account', 'Shop'], { env });
    expect(checked.stdout).toMatch(/^Shop: USD 1,234\.56 \[OK\] \(fetched /);
    expect(checked.status).toBe(0);

    const removed = await runCli(['accounts', 'remove', id], { env });
    expect(removed.status).toBe(0);
    expect((await runCli(['accounts', 'list', '--json'], { env })).stdout).toBe('');
    expect(await keychainEntry(id)).toBeNull();
  });
});
