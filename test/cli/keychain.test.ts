// Stored accounts end to end with the real OS keychain (a private Secret Service on its
// own session bus), one child process per command, as a user runs them.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICE } from '../../src/main/core/secrets/keytar.js';
import { startSimulator, type Simulator } from '../../src/main/simulator/index.js';
import { skipOrFail, startKeychain, type Keychain } from '../helpers/keychain.js';
import { childEnv, runCli } from './run-cli.js';

const SECRET = 'keychain-cli-secret';
let keychain: Keychain;
let simulator: Simulator;

beforeAll(async () => {
  keychain = await startKeychain();
  if ('skipReason' in keychain) skipOrFail(keychain.skipReason);
  simulator = await startSimulator({ accounts: [{ appkey: 'kc-key', secret: SECRET }], balance: { start: '1234.56' } });
});
afterAll(async () => {
  await simulator?.close();
  if ('stop' in keychain) await keychain.stop();
});

/** What the keychain holds for an account, read by another process through keytar itself. */
function keychainEntry(env: Record<string, string>, id: string): string | null {
  const script = `import('keytar').then((k) => k.default.getPassword(process.argv[1], process.argv[2])).then((v) => process.stdout.write(JSON.stringify(v)))`;
  const result = spawnSync(process.execPath, ['-e', script, KEYCHAIN_SERVICE, id], { env, encoding: 'utf8' });
  return JSON.parse(result.stdout) as string | null;
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
    expect(keychainEntry(env, id)).toBe(SECRET);

    const listed = await runCli(['accounts', 'list', '--json'], { env });
    expect(JSON.parse(listed.stdout)).toMatchObject({ id, label: 'Shop', hasSecret: true });
    expect(listed.stdout).not.toContain(SECRET);

    const checked = await runCli(['check', '--account', 'Shop'], { env });
    expect(checked.stdout).toMatch(/^Shop: USD 1,234\.56 \[OK\] \(fetched /);
    expect(checked.status).toBe(0);

    const removed = await runCli(['accounts', 'remove', id], { env });
    expect(removed.status).toBe(0);
    expect((await runCli(['accounts', 'list', '--json'], { env })).stdout).toBe('');
    expect(keychainEntry(env, id)).toBeNull();
  });
});
